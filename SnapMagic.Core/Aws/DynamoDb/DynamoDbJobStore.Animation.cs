using SnapMagic.Cards;

namespace SnapMagic.Aws.DynamoDb;

// SEAM (issue 22/23, 2026-12-05): placeholders so every project builds while the store is written; none may be merged to a resolved issue.
public sealed partial class DynamoDbJobStore
{
    public Task<CardJob?> TryRateAsync(string correlationId, CardRating rating, RatingSource source = RatingSource.Button, CancellationToken cancellationToken = default) =>
        TryRateAsync(correlationId, rating, cancellationToken);

    public Task<(CardJob Job, bool Created)?> TryRequestAnimationAsync(string correlationId, DateTimeOffset requestedAt, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<CardJob?> TryStartAnimationAsync(string correlationId, string invocationId, DateTimeOffset startedAt, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<CardJob?> TryCompleteAnimationAsync(string correlationId, string videoKey, string videoContentType, DateTimeOffset finishedAt, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<CardJob?> TryFailAnimationAsync(string correlationId, string error, DateTimeOffset finishedAt, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
