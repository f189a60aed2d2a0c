using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SnapMagic.Cards;
using SnapMagic.Queueing;
using SnapMagic.Storage;
using SnapMagic.Worker.Animations;
using SnapMagic.Worker.Diagnostics;
using SnapMagic.Worker.Feedback;
using SnapMagic.Worker.Notifications;
using SnapMagic.Worker.Polling;

namespace SnapMagic.Worker.DeadLetters;

/// <summary>
/// Gives every dead-lettered card an answer: a card whose job is not finished is marked failed with a reason
/// the attendee can read, and the Api pushes it. The message itself is kept for operators (never deleted:
/// no data is lost) and hidden for <see cref="WorkerOptions.DeadLetterHoldHours"/> so it is not read again
/// and again. Messages that are not card jobs are kept the same way. A dead-lettered animation message fails the card's
/// animation (<see cref="AnimationFailures"/>), a feedback message its open item (<see cref="FeedbackDeadLetters"/>).
/// </summary>
public sealed partial class DeadLetterSweeper(
    ICardQueues queues,
    IJobStore store,
    IApiNotifier notifier,
    FeedbackDeadLetters feedback,
    WorkerMetrics metrics,
    AnimationFailures animations,
    IOptions<WorkerOptions> workerOptions,
    IOptions<QueueOptions> queueOptions,
    TimeProvider time,
    ILogger<DeadLetterSweeper> logger,
    ILoggerFactory loggerFactory) : BackgroundService
{
    public const string DeadLetteredMessage = "We could not make this card after several tries. Please try again.";

    private readonly TimeSpan _hold = TimeSpan.FromHours(Math.Clamp(workerOptions.Value.DeadLetterHoldHours, 1, 12));

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = new QueuePollerSettings
        {
            MaxInFlight = IMessageQueue.MaxMessagesPerReceive,
            ReceiveWait = QueuePollerSettings.LongPollWait(queueOptions.Value),
            MaxErrorBackoff = TimeSpan.FromSeconds(60),
        };
        return new QueuePoller(queues.DeadLetters, settings, time, loggerFactory.CreateLogger<QueuePoller>()).RunAsync(SweepAsync, stoppingToken);
    }

    /// <summary>Fails the message's card when it is still open, then hides the message for the hold period.</summary>
    public async Task SweepAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var card = JobMessage.TryParse(message.Body);
        if (card is { Kind: JobKind.Animation })
        {
            using var activity = WorkerTelemetry.StartConsumerSpan("animations dead-letter", message.Attributes, card.CorrelationId);
            if (await animations.FailAsync(card.CorrelationId, AnimationFailures.DeadLetteredMessage, "dead_lettered", cancellationToken))
                LogFailedAnimation(card.CorrelationId, message.MessageId);
        }
        else if (card is { Kind: JobKind.Feedback })
        {
            await feedback.FailIfOpenAsync(card.CorrelationId, message.MessageId, cancellationToken);
        }
        else if (card is not null)
        {
            using var activity = WorkerTelemetry.StartConsumerSpan("cards dead-letter", message.Attributes, card.CorrelationId);
            var job = await store.GetAsync(card.CorrelationId, cancellationToken);
            if (job is { Status: var status } && !status.IsTerminal())
            {
                CardJob? failed;
                using (var write = WorkerTelemetry.StartCardSpan("status write", card.CorrelationId))
                {
                    write?.SetTag(SnapMagic.Contracts.CardTelemetry.CardStatusTag, CardStatus.Failed.ToWireName());
                    failed = await store.TryFailAsync(card.CorrelationId, DeadLetteredMessage, time.GetUtcNow(), cancellationToken);
                }
                if (failed is not null)
                {
                    metrics.CardFailed("dead_lettered");
                    LogFailedCard(card.CorrelationId, message.MessageId);
                    await notifier.CardChangedAsync(card.CorrelationId, CardStatus.Failed, cancellationToken);
                }
            }
        }
        else
        {
            LogPoisonKept(message.MessageId);
        }
        await queues.DeadLetters.ChangeVisibilityAsync(message.ReceiptHandle, _hold, cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "Card {CorrelationId} was dead-lettered (message {MessageId}); marked failed")]
    private partial void LogFailedCard(string correlationId, string messageId);

    [LoggerMessage(LogLevel.Warning, "The animation of card {CorrelationId} was dead-lettered (message {MessageId}); marked failed")]
    private partial void LogFailedAnimation(string correlationId, string messageId);

    [LoggerMessage(LogLevel.Warning, "Dead-letter message {MessageId} is not a job this sweeper answers; kept for operators")]
    private partial void LogPoisonKept(string messageId);

}
