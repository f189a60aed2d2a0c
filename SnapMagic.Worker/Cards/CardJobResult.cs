namespace SnapMagic.Worker.Cards;

/// <summary>What <see cref="CardJobHandler"/> made of one try, and, for a retry, when the handler wants it at the earliest.</summary>
public readonly record struct CardJobResult(CardJobResolution Resolution, TimeSpan? RetryAfter = null)
{
    public static CardJobResult Completed => new(CardJobResolution.Completed);
    public static CardJobResult Failed => new(CardJobResolution.Failed);
    public static CardJobResult AlreadyFinished => new(CardJobResolution.AlreadyFinished);
    public static CardJobResult Unprocessable => new(CardJobResolution.Unprocessable);

    /// <param name="after">Null leaves the pause to the caller's retry schedule.</param>
    public static CardJobResult RetryLater(TimeSpan? after = null) => new(CardJobResolution.RetryLater, after);
}
