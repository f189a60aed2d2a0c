using Amazon.CDK.Assertions;

namespace SnapMagic.Deploy.Tests;

/// <summary>What the default event's template creates: network, data, three services and one load balancer.</summary>
public class StackResourcesTests(DefaultEvent synthesized) : IClassFixture<DefaultEvent>
{
    private readonly Template _template = synthesized.Template;

    [Fact]
    public void A_new_vpc_spans_two_availability_zones()
    {
        _template.ResourceCountIs("AWS::EC2::VPC", 1);
        var publicSubnets = synthesized.Resources("AWS::EC2::Subnet").Count(subnet => (bool?)subnet.Resource["Properties"]!["MapPublicIpOnLaunch"] == true);
        Assert.Equal(2, publicSubnets);
        _template.ResourceCountIs("AWS::EC2::Subnet", 4);
        _template.ResourceCountIs("AWS::EC2::NatGateway", 1);
        // The card images and the job table are reached through free gateway endpoints, not the NAT gateway.
        _template.ResourceCountIs("AWS::EC2::VPCEndpoint", 2);
    }

    [Fact]
    public void The_three_services_run_on_fargate_in_one_cluster()
    {
        _template.ResourceCountIs("AWS::ECS::Cluster", 1);
        _template.ResourceCountIs("AWS::ECS::Service", 3);
        foreach (var (_, service) in synthesized.Resources("AWS::ECS::Service"))
        {
            Assert.Equal("FARGATE", (string?)service["Properties"]!["LaunchType"]);
            Assert.Equal("DISABLED", (string?)service["Properties"]!["NetworkConfiguration"]!["AwsvpcConfiguration"]!["AssignPublicIp"]);
        }
        foreach (var name in new[] { "api", "worker", "web" })
            Assert.NotNull(synthesized.Container(name));
    }

    [Theory]
    [InlineData("api", "snapmagic/api", "ApiImageTag")]
    [InlineData("worker", "snapmagic/worker", "WorkerImageTag")]
    [InlineData("web", "snapmagic/web", "WebImageTag")]
    public void Each_service_runs_its_sdk_built_image_from_ecr_with_the_tag_parameter(string container, string repository, string tagParameter)
    {
        var image = synthesized.Container(container)["Image"]!.ToJsonString();

        Assert.Contains($"/{repository}:", image);
        Assert.Contains($"{{\"Ref\":\"{tagParameter}\"}}", image);
        Assert.Equal("latest", (string?)synthesized.Json["Parameters"]![tagParameter]!["Default"]);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("worker")]
    [InlineData("web")]
    public void Each_service_runs_as_production_on_the_port_the_load_balancer_targets(string name)
    {
        var container = synthesized.Container(name);
        var environment = SynthesizedEvent.Environment(container);

        Assert.Equal("Production", (string?)environment[ServiceSettings.AspNetCoreEnvironment]);
        Assert.Equal("8080", (string?)environment[ServiceSettings.AspNetCoreHttpPorts]);
        Assert.Equal(8080, (int?)container["PortMappings"]![0]!["ContainerPort"]);
        Assert.Equal("awslogs", (string?)container["LogConfiguration"]!["LogDriver"]);
    }

    [Fact]
    public void The_api_and_worker_use_the_aws_backend_and_only_the_worker_calls_bedrock()
    {
        var api = SynthesizedEvent.Environment(synthesized.Container("api"));
        var worker = SynthesizedEvent.Environment(synthesized.Container("worker"));
        var web = SynthesizedEvent.Environment(synthesized.Container("web"));

        Assert.Equal("Aws", (string?)api[ServiceSettings.Backend]);
        Assert.Equal("Aws", (string?)worker[ServiceSettings.Backend]);
        Assert.Equal("Bedrock", (string?)worker[ServiceSettings.ImageModelProvider]);
        Assert.Equal("Nova2Omni", (string?)worker[ServiceSettings.BedrockFamily]);
        Assert.Equal("us.amazon.nova-2-omni-v1:0", (string?)worker[ServiceSettings.BedrockModelId]);
        Assert.Contains("api.reinvent.snapmagic.internal:8080", worker[ServiceSettings.ApiInternalUrl]!.ToJsonString());
        Assert.DoesNotContain(ServiceSettings.BedrockModelId, api.Keys);
        Assert.DoesNotContain(ServiceSettings.Backend, web.Keys);
    }

    [Fact]
    public void The_page_and_the_api_share_the_load_balancers_origin_so_no_cors_is_set()
    {
        var api = SynthesizedEvent.Environment(synthesized.Container("api"));
        var web = SynthesizedEvent.Environment(synthesized.Container("web"));

        Assert.Equal(api[ServiceSettings.ApiPublicUrl]!.ToJsonString(), web[ServiceSettings.ApiPublicUrl]!.ToJsonString());
        Assert.Contains("DNSName", web[ServiceSettings.ApiPublicUrl]!.ToJsonString());
        Assert.DoesNotContain(api.Keys, key => key.StartsWith("Cors__", StringComparison.Ordinal));
    }

    [Fact]
    public void One_load_balancer_sends_api_and_hub_paths_to_the_api_and_the_rest_to_the_web()
    {
        _template.ResourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 1);
        var api = synthesized.LogicalId(synthesized.Stack.LoadBalancer.ApiTargets);
        var web = synthesized.LogicalId(synthesized.Stack.LoadBalancer.WebTargets);

        _template.HasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", new Dictionary<string, object>
        {
            ["Conditions"] = new object[] { new Dictionary<string, object> { ["Field"] = "path-pattern", ["PathPatternConfig"] = new Dictionary<string, object> { ["Values"] = new[] { "/api/*", "/hubs/*" } } } },
            ["Actions"] = new object[] { new Dictionary<string, object> { ["Type"] = "forward", ["TargetGroupArn"] = new Dictionary<string, object> { ["Ref"] = api } } },
        });
        _template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", new Dictionary<string, object>
        {
            ["Port"] = 80,
            ["Protocol"] = "HTTP",
            ["DefaultActions"] = new object[] { new Dictionary<string, object> { ["Type"] = "forward", ["TargetGroupArn"] = new Dictionary<string, object> { ["Ref"] = web } } },
        });
    }

    [Fact]
    public void WebSockets_stay_open_longer_than_signalrs_keep_alive()
    {
        var attributes = synthesized.Resources("AWS::ElasticLoadBalancingV2::LoadBalancer").Single().Resource["Properties"]!["LoadBalancerAttributes"]!.AsArray();
        var idle = attributes.Single(attribute => (string?)attribute!["Key"] == "idle_timeout.timeout_seconds")!["Value"];

        Assert.True(int.Parse((string)idle!, System.Globalization.CultureInfo.InvariantCulture) > 15);
    }

    [Fact]
    public void Both_target_groups_check_health_on_slash_health()
    {
        _template.ResourceCountIs("AWS::ElasticLoadBalancingV2::TargetGroup", 2);
        foreach (var (_, group) in synthesized.Resources("AWS::ElasticLoadBalancingV2::TargetGroup"))
        {
            Assert.Equal("/health", (string?)group["Properties"]!["HealthCheckPath"]);
            Assert.Equal(8080, (int?)group["Properties"]!["Port"]);
            Assert.Equal("ip", (string?)group["Properties"]!["TargetType"]);
        }
    }

    [Fact]
    public void One_api_replica_needs_no_backplane()
    {
        _template.ResourceCountIs("AWS::ElastiCache::ReplicationGroup", 0);
        Assert.DoesNotContain(ServiceSettings.RedisConnectionString, SynthesizedEvent.Environment(synthesized.Container("api")).Keys);
        _template.HasResourceProperties("AWS::ECS::Service", Match.ObjectLike(new Dictionary<string, object> { ["DesiredCount"] = 1, ["ServiceRegistries"] = Match.AnyValue() }));
    }

    [Fact]
    public void The_queue_sends_failing_cards_to_its_dead_letter_queue()
    {
        var deadLetters = synthesized.LogicalId(synthesized.Stack.Data.DeadLetterQueue);

        _template.HasResourceProperties("AWS::SQS::Queue", new Dictionary<string, object>
        {
            ["QueueName"] = "snapmagic-reinvent-cards",
            ["VisibilityTimeout"] = 30,
            ["SqsManagedSseEnabled"] = true,
            ["RedrivePolicy"] = new Dictionary<string, object>
            {
                ["deadLetterTargetArn"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new[] { deadLetters, "Arn" } },
                ["maxReceiveCount"] = 5,
            },
        });
        _template.HasResourceProperties("AWS::SQS::Queue", new Dictionary<string, object> { ["QueueName"] = "snapmagic-reinvent-cards-dlq" });
    }

    [Fact]
    public void The_job_table_has_ttl_and_the_two_indexes()
    {
        _template.HasResourceProperties("AWS::DynamoDB::Table", Match.ObjectLike(new Dictionary<string, object>
        {
            ["BillingMode"] = "PAY_PER_REQUEST",
            ["TimeToLiveSpecification"] = new Dictionary<string, object> { ["AttributeName"] = "expiresAt", ["Enabled"] = true },
            ["GlobalSecondaryIndexes"] = Match.ArrayWith(new object[]
            {
                Match.ObjectLike(new Dictionary<string, object> { ["IndexName"] = "bySession" }),
                Match.ObjectLike(new Dictionary<string, object> { ["IndexName"] = "byTime" }),
            }),
        }));
    }

    [Fact]
    public void The_event_bucket_is_encrypted_private_tls_only_and_expires_cards()
    {
        _template.HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["BucketEncryption"] = new Dictionary<string, object>
            {
                ["ServerSideEncryptionConfiguration"] = new object[] { new Dictionary<string, object> { ["ServerSideEncryptionByDefault"] = new Dictionary<string, object> { ["SSEAlgorithm"] = "AES256" } } },
            },
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true, ["BlockPublicPolicy"] = true, ["IgnorePublicAcls"] = true, ["RestrictPublicBuckets"] = true,
            },
            ["LifecycleConfiguration"] = new Dictionary<string, object>
            {
                ["Rules"] = Match.ArrayWith(new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Prefix"] = "cards/", ["ExpirationInDays"] = 14, ["Status"] = "Enabled" }) }),
            },
        }));
        _template.HasResourceProperties("AWS::S3::BucketPolicy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Effect"] = "Deny",
                        ["Condition"] = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
                    }),
                }),
            }),
        });
    }

    [Fact]
    public void The_events_data_goes_with_the_stack()
    {
        foreach (var type in new[] { "AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::Logs::LogGroup", "AWS::SecretsManager::Secret" })
            foreach (var (logicalId, resource) in synthesized.Resources(type))
                Assert.True((string?)resource["DeletionPolicy"] is null or "Delete", $"{logicalId} would be kept after the teardown");
    }

    [Fact]
    public void Logs_go_to_cloudwatch_with_a_retention()
    {
        foreach (var (logicalId, group) in synthesized.Resources("AWS::Logs::LogGroup"))
            Assert.True((int?)group["Properties"]!["RetentionInDays"] == 30, $"{logicalId} has no 30-day retention");
        _template.HasResourceProperties("AWS::Logs::LogGroup", new Dictionary<string, object> { ["LogGroupName"] = "/snapmagic/reinvent/api", ["RetentionInDays"] = 30 });
    }

    [Fact]
    public void Traces_and_metrics_leave_each_task_through_an_adot_collector()
    {
        foreach (var name in new[] { "api", "worker", "web" })
        {
            var environment = SynthesizedEvent.Environment(synthesized.Container(name));
            Assert.Equal("http://localhost:4317", (string?)environment[ServiceSettings.OtlpEndpoint]);
            Assert.Equal(name, (string?)environment[ServiceSettings.OtelServiceName]);
        }
        var collectors = synthesized.Resources("AWS::ECS::TaskDefinition")
            .Select(task => task.Resource["Properties"]!["ContainerDefinitions"]!.AsArray().Single(c => (string?)c!["Name"] == "otel-collector")!)
            .ToList();
        Assert.Equal(3, collectors.Count);
        Assert.All(collectors, collector =>
        {
            Assert.StartsWith("public.ecr.aws/aws-observability/aws-otel-collector:", (string?)collector["Image"]);
            var config = collector["Environment"]!.ToJsonString();
            Assert.Contains("awsxray", config);
            Assert.Contains("awsemf", config);
        });
    }
}
