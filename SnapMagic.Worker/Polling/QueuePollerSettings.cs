using SnapMagic.Queueing;

namespace SnapMagic.Worker.Polling;

/// <summary>How one <see cref="QueuePoller"/> reads its queue.</summary>
public sealed record QueuePollerSettings
{
    /// <summary>Messages worked on at once; a receive asks for no more than the free slots.</summary>
    public required int MaxInFlight { get; init; }

    /// <summary>Long-poll wait per receive (<see cref="LongPollWait"/>).</summary>
    public required TimeSpan ReceiveWait { get; init; }

    /// <summary>The longest pause after failed receives (the pause doubles from 2 s up to this).</summary>
    public TimeSpan MaxErrorBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>On shutdown, how long in-flight messages may take before their work is cancelled.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.Zero;

    /// <summary>The configured long-poll wait, at most 20 s as on SQS.</summary>
    public static TimeSpan LongPollWait(QueueOptions queue) => TimeSpan.FromSeconds(Math.Clamp(queue.WaitTimeSeconds, 0, 20));
}
