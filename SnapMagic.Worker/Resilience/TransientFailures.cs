using Polly.Timeout;
using SnapMagic.Imaging;
using SnapMagic.Imaging.Video;
using SnapMagic.Imaging.Feedback;

namespace SnapMagic.Worker.Resilience;

/// <summary>Which model-call failures are worth another attempt.</summary>
public static class TransientFailures
{
    /// <summary>
    /// Throttling, an unready model, 5xx, a timed-out attempt and a broken connection are transient; a
    /// content block or a refused request never is (retrying them only repeats the refusal).
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        ImageModelException model => model.IsTransient,
        VideoModelException video => video.IsTransient,
        FeedbackModelException feedback => feedback.IsTransient,
        TimeoutRejectedException => true,
        HttpRequestException => true,
        _ => false,
    };
}
