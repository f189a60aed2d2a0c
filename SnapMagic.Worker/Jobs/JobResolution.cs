namespace SnapMagic.Worker.Jobs;

/// <summary>Where one try left a card.</summary>
public enum JobResolution
{
    /// <summary>Painted, stored and marked completed.</summary>
    Completed,
    /// <summary>Marked failed with a reason the attendee can read.</summary>
    Failed,
    /// <summary>Already completed or failed by an earlier try; nothing done.</summary>
    AlreadyFinished,
    /// <summary>Still open: try again later.</summary>
    RetryLater,
    /// <summary>No try can ever finish it (no such job after every allowed try): set it aside.</summary>
    Unprocessable,
}
