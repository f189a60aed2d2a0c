namespace SnapMagic.Worker.Jobs;

/// <summary>One try at a job: whose record (a card's correlation id, a feedback id), the how-manyth try, and whether it is the last one allowed.</summary>
public sealed record JobAttempt(string CorrelationId, int Number, bool IsLast);
