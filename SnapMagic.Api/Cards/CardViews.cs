using Microsoft.Extensions.Options;
using SnapMagic.Cards;
using SnapMagic.Storage;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Cards;

/// <summary>Turns a stored job into the view clients see, with absolute image and video URLs that need no header.</summary>
internal sealed class CardViews(IImageStore images, ImageLinks links, IJobStore store, IOptions<ApiOptions> options)
{
    /// <summary>
    /// The view of one card, with <see cref="CardView.QueuePosition"/> while it is queued and the store can tell.
    /// Costs a store query for queued cards, so lists use <see cref="Create"/> instead.
    /// </summary>
    public async Task<CardView> CreateWithQueuePositionAsync(CardJob job, string publicBase, CancellationToken cancellationToken)
    {
        var view = Create(job, publicBase);
        return job.Status == CardStatus.Queued
            ? view with { QueuePosition = await store.CountQueuedAheadAsync(job, cancellationToken) }
            : view;
    }

    /// <summary>The view without a queue position (lists, where a count per card would cost too much).</summary>
    public CardView Create(CardJob job, string publicBase) => new(
        job.CorrelationId,
        job.Status.ToWireName(),
        job.Prompt,
        job.CreatedAt,
        job.StartedAt,
        job.CompletedAt,
        ImageUrlFor(job, publicBase),
        job.Error)
    {
        Rating = job.Rating?.ToWireName(),
        RatingSource = job.Rating is null ? null : job.RatingSource?.ToWireName(),
        Animation = job.Animation is { } animation ? CreateAnimation(job.CorrelationId, animation, publicBase) : null,
    };

    /// <summary>The animation as the card's view and the animation endpoint's answer show it.</summary>
    public CardAnimationView CreateAnimation(string correlationId, CardAnimation animation, string publicBase) => new(
        animation.Status.ToWireName(),
        animation.RequestedAt,
        animation.FinishedAt,
        VideoUrlFor(correlationId, animation, publicBase),
        animation.Status == CardAnimationStatus.Completed ? animation.VideoContentType : null,
        animation.Status == CardAnimationStatus.Failed ? animation.Error : null);

    /// <summary>The views of a list of cards served to <paramref name="request"/> (no queue positions).</summary>
    public IReadOnlyList<CardView> CreateList(IEnumerable<CardJob> jobs, HttpRequest request)
    {
        var publicBase = PublicBaseFor(request);
        return [.. jobs.Select(job => Create(job, publicBase))];
    }

    /// <summary><c>Api:PublicUrl</c> when set, else the base of the request being served.</summary>
    public string PublicBaseFor(HttpRequest request) =>
        options.Value.PublicUrl is { } configured
            ? configured.GetLeftPart(UriPartial.Authority) + configured.AbsolutePath.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>The blob store's own link when it has one (S3: a presigned GET), else the Api's signed link to the video.</summary>
    private string? VideoUrlFor(string correlationId, CardAnimation animation, string publicBase)
    {
        if (animation is not { Status: CardAnimationStatus.Completed, VideoKey: { } videoKey })
            return null;
        return images.GetDirectReadUrl(videoKey, ImageLinks.Lifetime)?.AbsoluteUri
            ?? publicBase + links.PathAndQuery(correlationId, SignedLinkPurpose.AnimationVideo);
    }

    private string? ImageUrlFor(CardJob job, string publicBase)
    {
        if (job.Status != CardStatus.Completed || job.ImageKey is null)
            return null;
        return images.GetDirectReadUrl(job.ImageKey, ImageLinks.Lifetime)?.AbsoluteUri
            ?? publicBase + links.PathAndQuery(job.CorrelationId);
    }
}
