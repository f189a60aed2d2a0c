namespace SnapMagic.Queueing;

/// <summary><see cref="OutgoingMessage.Delay"/> as every queue takes it: zero to <see cref="OutgoingMessage.MaxDelay"/>, as SQS allows.</summary>
internal static class MessageDelays
{
    /// <summary>The message's delay, or <see cref="ArgumentOutOfRangeException"/> when SQS would refuse it.</summary>
    public static TimeSpan Checked(OutgoingMessage message)
    {
        if (message.Delay < TimeSpan.Zero || message.Delay > OutgoingMessage.MaxDelay)
            throw new ArgumentOutOfRangeException(nameof(message), message.Delay,
                $"A message's delay must be 0 s to {OutgoingMessage.MaxDelay.TotalSeconds:0} s (SQS DelaySeconds).");
        return message.Delay;
    }

    /// <summary>SQS <c>DelaySeconds</c>: whole seconds, rounded up so a message never comes before its delay.</summary>
    public static int ToDelaySeconds(OutgoingMessage message) => (int)Math.Ceiling(Checked(message).TotalSeconds);
}
