using Amazon.SQS;
using SnapMagic.Queueing;

namespace SnapMagic.Aws.Sqs;

/// <summary>The card queue and its dead-letter queue on SQS (the redrive policy is set on the queue itself).</summary>
public sealed class SqsCardQueues(IAmazonSQS sqs, QueueOptions options) : ICardQueues
{
    public IMessageQueue Jobs { get; } = new SqsMessageQueue(sqs, options.Name);
    public IMessageQueue DeadLetters { get; } = new SqsMessageQueue(sqs, options.DeadLetterName);
}
