using Amazon.CDK.Assertions;

namespace SnapMagic.Deploy.Tests;

/// <summary>Three Api replicas with the Valkey backplane, HTTPS on a domain, Nova Canvas, an external OTLP endpoint.</summary>
public class ScaledEventTests(ScaledEvent synthesized) : IClassFixture<ScaledEvent>
{
    [Fact]
    public void More_than_one_api_replica_brings_the_valkey_backplane()
    {
        synthesized.Template.HasResourceProperties("AWS::ElastiCache::ReplicationGroup", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Engine"] = "valkey",
            ["NumCacheClusters"] = 2,
            ["AutomaticFailoverEnabled"] = true,
            ["MultiAZEnabled"] = true,
            ["TransitEncryptionEnabled"] = true,
            ["TransitEncryptionMode"] = "required",
            ["AtRestEncryptionEnabled"] = true,
        }));
        var api = synthesized.Resource(synthesized.LogicalId(synthesized.Stack.Services.Api))["Properties"]!;
        Assert.Equal(3, (int?)api["DesiredCount"]);

        var connection = SynthesizedEvent.Environment(synthesized.Container("api"))[ServiceSettings.RedisConnectionString]!.ToJsonString();
        Assert.Contains("PrimaryEndPoint.Address", connection);
        Assert.Contains(":6379,ssl=true,abortConnect=false", connection);
        Assert.Equal("true", (string?)SynthesizedEvent.Environment(synthesized.Container("web"))[ServiceSettings.ApiHubSkipNegotiation]);
        Assert.DoesNotContain(ServiceSettings.RedisConnectionString, SynthesizedEvent.Environment(synthesized.Container("worker")).Keys);
    }

    [Fact]
    public void Only_the_apis_security_group_reaches_the_backplane()
    {
        var backplane = synthesized.LogicalId(synthesized.Stack.Backplane!.SecurityGroup);
        var rules = synthesized.Resources("AWS::EC2::SecurityGroupIngress")
            .Where(rule => rule.Resource["Properties"]!["GroupId"]!.ToJsonString().Contains(backplane, StringComparison.Ordinal))
            .Select(rule => rule.Resource["Properties"]!)
            .ToList();

        var rule = Assert.Single(rules);
        Assert.Equal(6379, (int?)rule["FromPort"]);
        Assert.Contains(synthesized.LogicalId(synthesized.Stack.Services.Api.Connections.SecurityGroups[0]), rule["SourceSecurityGroupId"]!.ToJsonString());
    }

    [Fact]
    public void A_certificate_serves_https_on_the_domain_and_http_redirects()
    {
        synthesized.Template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Port"] = 443,
            ["Protocol"] = "HTTPS",
            ["Certificates"] = new object[] { new Dictionary<string, object> { ["CertificateArn"] = "arn:aws:acm:us-east-1:111122223333:certificate/0b1c2d3e-aaaa-bbbb-cccc-0123456789ab" } },
        }));
        synthesized.Template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Port"] = 80,
            ["DefaultActions"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Type"] = "redirect" }) },
        }));
        synthesized.Template.HasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Conditions"] = new object[] { new Dictionary<string, object> { ["Field"] = "path-pattern", ["PathPatternConfig"] = new Dictionary<string, object> { ["Values"] = new[] { "/api/*", "/hubs/*" } } } },
        }));
        Assert.Equal("https://cards.example.com", (string?)SynthesizedEvent.Environment(synthesized.Container("web"))[ServiceSettings.ApiPublicUrl]);
        Assert.Equal("https://cards.example.com", (string?)SynthesizedEvent.Environment(synthesized.Container("api"))[ServiceSettings.ApiPublicUrl]);
    }

    [Fact]
    public void Nova_canvas_is_invoked_directly_on_its_foundation_model_in_the_bedrock_region()
    {
        var worker = SynthesizedEvent.Environment(synthesized.Container("worker"));
        Assert.Equal("NovaCanvas", (string?)worker[ServiceSettings.BedrockFamily]);
        Assert.Equal("amazon.nova-canvas-v1:0", (string?)worker[ServiceSettings.BedrockModelId]);
        Assert.Equal("us-east-1", (string?)worker[ServiceSettings.BedrockRegion]);

        var invoke = synthesized.Resources("AWS::IAM::Policy")
            .SelectMany(policy => policy.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Single(statement => (string?)statement!["Sid"] == "InvokeTheImageModel")!;
        var resource = invoke["Resource"]!.ToJsonString();
        Assert.Contains(":bedrock:us-east-1::foundation-model/amazon.nova-canvas-v1:0", resource);
        Assert.DoesNotContain("inference-profile", resource);
        Assert.DoesNotContain("bedrock:*", resource);
    }

    [Fact]
    public void The_teardown_counts_from_the_end_in_utc()
    {
        var schedule = synthesized.Resources("AWS::Scheduler::Schedule")
            .Single(s => (string?)s.Resource["Properties"]!["Name"] == "SnapMagic-summit-teardown").Resource["Properties"]!;

        // 2027-03-14T17:30+01:00 is 16:30 UTC; seven days later.
        Assert.Equal("at(2027-03-21T16:30:00)", (string?)schedule["ScheduleExpression"]);
    }

    [Fact]
    public void An_otlp_endpoint_replaces_the_collector_sidecar()
    {
        Assert.Equal("https://otlp.example.com:4317", (string?)SynthesizedEvent.Environment(synthesized.Container("api"))[ServiceSettings.OtlpEndpoint]);
        var containers = synthesized.Resources("AWS::ECS::TaskDefinition")
            .SelectMany(task => task.Resource["Properties"]!["ContainerDefinitions"]!.AsArray())
            .Select(container => (string?)container!["Name"]);
        Assert.DoesNotContain("otel-collector", containers);
    }

    [Fact]
    public void The_worker_bounds_follow_the_options()
    {
        var target = synthesized.Resources("AWS::ApplicationAutoScaling::ScalableTarget").Single().Resource["Properties"]!;

        Assert.Equal(2, (int?)target["MinCapacity"]);
        Assert.Equal(20, (int?)target["MaxCapacity"]);
    }

    [Fact]
    public void With_an_external_otlp_endpoint_no_animation_alarm_watches_a_metric_that_never_reaches_cloudwatch()
    {
        Assert.Null(synthesized.Stack.Alarms.FailedAnimations);
        Assert.DoesNotContain(synthesized.Resources("AWS::CloudWatch::Alarm"),
            alarm => alarm.Resource["Properties"]!.ToJsonString().Contains(Alarms.FailedAnimationsMetric, StringComparison.Ordinal));
    }
}
