using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.SQS;
using Amazon.SQS.Model;
using SnapMagic.Queueing;

namespace SnapMagic.Aws.Sqs;

/// <summary>Creates the dead-letter queue, then the card queue with its redrive policy, when they are missing.</summary>
public static class SqsQueueSetup
{
    private const string FourteenDays = "1209600"; // the most SQS keeps: time to look at what failed

    /// <summary>Returns the names of the queues it created (none when both existed).</summary>
    public static async Task<IReadOnlyList<string>> EnsureQueuesAsync(IAmazonSQS sqs, QueueOptions options, CancellationToken cancellationToken = default)
    {
        var created = new List<string>();
        var deadLetterUrl = await EnsureQueueAsync(sqs, options.DeadLetterName, new Dictionary<string, string>
        {
            [QueueAttributeName.MessageRetentionPeriod] = FourteenDays,
        }, created, cancellationToken);

        var deadLetterArn = (await sqs.GetQueueAttributesAsync(deadLetterUrl, [QueueAttributeName.QueueArn], cancellationToken)).QueueARN
            ?? throw new InvalidOperationException($"SQS did not tell the ARN of {options.DeadLetterName}");

        await EnsureQueueAsync(sqs, options.Name, new Dictionary<string, string>
        {
            [QueueAttributeName.VisibilityTimeout] = options.VisibilityTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            [QueueAttributeName.RedrivePolicy] = RedrivePolicy(deadLetterArn, options.MaxReceiveCount),
        }, created, cancellationToken);
        return created;
    }

    /// <summary>The <c>RedrivePolicy</c> attribute value: a JSON string, as SQS wants it.</summary>
    public static string RedrivePolicy(string deadLetterQueueArn, int maxReceiveCount) =>
        new JsonObject { ["deadLetterTargetArn"] = deadLetterQueueArn, ["maxReceiveCount"] = maxReceiveCount }.ToJsonString();

    private static async Task<string> EnsureQueueAsync(IAmazonSQS sqs, string name, Dictionary<string, string> attributes,
        List<string> created, CancellationToken cancellationToken)
    {
        try
        {
            return (await sqs.GetQueueUrlAsync(name, cancellationToken)).QueueUrl;
        }
        catch (QueueDoesNotExistException)
        {
            var url = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = name, Attributes = attributes }, cancellationToken)).QueueUrl;
            created.Add($"SQS queue {name}");
            return url;
        }
    }
}
