using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Imaging.Hosting;
using SnapMagic.Worker.Feedback;
using SnapMagic.Worker.Jobs;

namespace Microsoft.Extensions.Hosting;

public static class FeedbackServiceExtensions
{
    /// <summary>
    /// The feedback role: the speech and sentiment models <c>Speech:Provider</c> and <c>Sentiment:Provider</c> name
    /// (<see cref="FeedbackModelExtensions.AddFeedbackModels"/>) behind their resilience pipeline, the
    /// <see cref="FeedbackJobHandler"/> and the dead-letter answer. The feedback store comes with the card backend.
    /// </summary>
    public static IHostApplicationBuilder AddFeedbackProcessing(this IHostApplicationBuilder builder)
    {
        builder.AddFeedbackModels();
        builder.Services.AddSingleton<ResilientFeedbackModels>();
        builder.Services.AddSingleton<IJobHandler, FeedbackJobHandler>();
        builder.Services.AddSingleton<FeedbackDeadLetters>();
        return builder;
    }
}
