using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using SnapMagic.Aws;
using SnapMagic.Aws.DynamoDb;
using SnapMagic.Cards;
using SnapMagic.Feedback;
using SnapMagic.Queueing;
using SnapMagic.Storage;
using SnapMagic.Backends;

namespace SnapMagic.Contract.Tests.Aws;

/// <summary><c>Backend=Aws</c> wiring and the provisioner, against fauxqs and dynalite.</summary>
[Collection(LocalAwsCollection.Name)]
public sealed class AwsBackendTests(LocalAwsFixture aws)
{
    private Dictionary<string, string?> NewConfiguration()
    {
        var options = aws.NewOptions();
        return new()
        {
            ["Backend"] = "Aws",
            ["Aws:Region"] = options.Region,
            ["Aws:SqsServiceUrl"] = options.SqsServiceUrl,
            ["Aws:S3ServiceUrl"] = options.S3ServiceUrl,
            ["Aws:DynamoDbServiceUrl"] = options.DynamoDbServiceUrl,
            ["Aws:AccessKeyId"] = "test",
            ["Aws:SecretAccessKey"] = "test",
            ["Aws:TableName"] = options.TableName,
            ["Aws:BucketName"] = options.BucketName,
            ["Queue:Name"] = options.TableName,
            ["Queue:DeadLetterName"] = options.TableName + "-dlq",
            ["Cards:RetentionDays"] = "7",
        };
    }

    [Fact]
    public async Task The_provisioner_creates_everything_once_and_then_nothing()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(NewConfiguration()).Build();
        var provisioner = AwsResourceProvisioner.FromConfiguration(configuration);
        var name = configuration["Aws:TableName"];

        var first = await provisioner.EnsureAsync();
        var second = await provisioner.EnsureAsync();

        Assert.Equal($"SQS queue {name}-dlq", first[0]);
        Assert.Equal($"SQS queue {name}", first[1]);
        Assert.Equal($"DynamoDB table {name}", first[2]);
        Assert.Equal($"S3 bucket {name}", first[^1]);
        Assert.Empty(second);
    }

    [Fact]
    public async Task Backend_Aws_registers_working_sqs_dynamodb_and_s3_adapters_and_a_healthy_readiness_check()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(NewConfiguration());
        builder.AddCardBackend();
        using var host = builder.Build();
        await AwsResourceProvisioner.FromConfiguration(builder.Configuration).EnsureAsync();

        var store = host.Services.GetRequiredService<IJobStore>();
        var queues = host.Services.GetRequiredService<ICardQueues>();
        var images = host.Services.GetRequiredService<IImageStore>();
        var feedback = host.Services.GetRequiredService<IFeedbackStore>();
        var job = new CardJob
        {
            CorrelationId = CorrelationIds.New(), SessionId = "s", Prompt = "a card for the wiring test",
            Status = CardStatus.Queued, CreatedAt = DateTimeOffset.UtcNow,
        };
        await store.CreateAsync(job);
        await queues.Jobs.SendAsync(new OutgoingMessage(JobMessage.Card(job.CorrelationId).ToJson(),
            new Dictionary<string, string> { [MessageAttributes.CorrelationId] = job.CorrelationId }));
        await images.SaveAsync(CardJob.ImageKeyFor("s", job.CorrelationId), new byte[] { 1, 2, 3 });
        var answer = new FeedbackItem
        {
            FeedbackId = CorrelationIds.New(), SessionId = "s", Kind = FeedbackKind.Typed, Status = FeedbackStatus.Queued,
            CreatedAt = DateTimeOffset.UtcNow, Text = "wired",
        };
        await feedback.CreateAsync(answer);
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(job, await store.GetAsync(job.CorrelationId));
        Assert.IsType<DynamoDbFeedbackStore>(feedback);
        Assert.Equal(answer.Text, (await feedback.GetAsync(answer.FeedbackId))?.Text);
        var message = Assert.Single(await queues.Jobs.ReceiveAsync(1, TimeSpan.FromSeconds(1)));
        Assert.Equal(job.CorrelationId, JobMessage.TryParse(message.Body)?.CorrelationId);
        Assert.NotNull(await images.OpenReadAsync(CardJob.ImageKeyFor("s", job.CorrelationId)));
        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(builder.Configuration["Queue:DeadLetterName"], queues.DeadLetters.Name);
    }

    [Fact]
    public void Real_aws_without_a_bucket_name_says_which_key_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new AwsOptions { Region = "eu-west-1" }.ResolveBucketName());

        Assert.Contains("Aws:BucketName", error.Message);
    }
}
