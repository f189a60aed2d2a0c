using SnapMagic.Queueing;

namespace SnapMagic.Aws.Sqs;

/// <summary>Creates the dead-letter queue, then the card queue with its redrive policy, when they are missing.</summary>
public static class SqsQueueSetup
{
    /// <summary>Returns the names of the queues it created (none when both existed).</summary>
    public static async Task<IReadOnlyList<string>> EnsureQueuesAsync(SqsClient client, QueueOptions options, CancellationToken cancellationToken = default)
    {
        var created = new List<string>();
        var deadLetterUrl = await EnsureQueueAsync(client, options.DeadLetterName, new Dictionary<string, string>
        {
            ["MessageRetentionPeriod"] = "1209600", // 14 days, the most SQS keeps: time to look at what failed
        }, created, cancellationToken);

        var deadLetterArn = (await client.GetQueueAttributesAsync(deadLetterUrl, ["QueueArn"], cancellationToken))
            .GetValueOrDefault("QueueArn")
            ?? throw new SqsException("MissingQueueArn", $"SQS did not tell the ARN of {options.DeadLetterName}", System.Net.HttpStatusCode.OK);

        await EnsureQueueAsync(client, options.Name, new Dictionary<string, string>
        {
            ["VisibilityTimeout"] = options.VisibilityTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RedrivePolicy"] = SqsClient.RedrivePolicyJson(deadLetterArn, options.MaxReceiveCount),
        }, created, cancellationToken);
        return created;
    }

    private static async Task<string> EnsureQueueAsync(SqsClient client, string name, Dictionary<string, string> attributes,
        List<string> created, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetQueueUrlAsync(name, cancellationToken);
        }
        catch (QueueDoesNotExistException)
        {
            var url = await client.CreateQueueAsync(name, attributes, cancellationToken);
            created.Add($"SQS queue {name}");
            return url;
        }
    }
}
