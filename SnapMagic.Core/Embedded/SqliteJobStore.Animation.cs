using SnapMagic.Cards;

namespace SnapMagic.Embedded;

/// <summary>
/// A card's animation in the <c>animation_*</c> columns of its row. As for the card's own status, every move is one UPDATE
/// whose WHERE names the animation statuses it may leave, so two processes can never both win it.
/// </summary>
public sealed partial class SqliteJobStore
{
    public Task<(CardJob Job, bool Created)?> TryRequestAnimationAsync(string correlationId, DateTimeOffset requestedAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correlationId);
        return _database.WriteAsync<(CardJob Job, bool Created)?>((connection, transaction) =>
        {
            var request = PreparedCommands.For(connection, transaction, $"""
                UPDATE jobs SET animation_status = @queued, animation_requested_at = @at
                WHERE correlation_id = @id AND status = @completed AND animation_status IS NULL
                RETURNING {Columns}
                """);
            request.Parameters.AddWithValue("@queued", CardAnimationStatus.Queued.ToWireName());
            request.Parameters.AddWithValue("@at", requestedAt.UtcTicks);
            request.Parameters.AddWithValue("@id", correlationId);
            request.Parameters.AddWithValue("@completed", CardStatus.Completed.ToWireName());
            if (ReadOne(request) is { } requested)
                return (requested, true);

            // In the same transaction: the card already has its animation, or is missing or not completed.
            var existing = PreparedCommands.For(connection, transaction, $"""
                SELECT {Columns} FROM jobs
                WHERE correlation_id = @id AND status = @completed AND animation_status IS NOT NULL
                """);
            existing.Parameters.AddWithValue("@id", correlationId);
            existing.Parameters.AddWithValue("@completed", CardStatus.Completed.ToWireName());
            return ReadOne(existing) is { } job ? (job, false) : null;
        }, cancellationToken);
    }

    public Task<CardJob?> TryStartAnimationAsync(string correlationId, string invocationId, DateTimeOffset startedAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correlationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(invocationId);
        return _database.WriteAsync((connection, transaction) =>
        {
            var start = PreparedCommands.For(connection, transaction, $"""
                UPDATE jobs SET animation_status = @processing, animation_started_at = @at, animation_invocation_id = @invocation
                WHERE correlation_id = @id AND animation_status = @queued
                RETURNING {Columns}
                """);
            start.Parameters.AddWithValue("@processing", CardAnimationStatus.Processing.ToWireName());
            start.Parameters.AddWithValue("@at", startedAt.UtcTicks);
            start.Parameters.AddWithValue("@invocation", invocationId);
            start.Parameters.AddWithValue("@id", correlationId);
            start.Parameters.AddWithValue("@queued", CardAnimationStatus.Queued.ToWireName());
            if (ReadOne(start) is { } started)
                return started;

            // Started already (a redelivered start): the stored handle wins, nothing is written.
            var running = PreparedCommands.For(connection, transaction, $"SELECT {Columns} FROM jobs WHERE correlation_id = @id AND animation_status = @processing");
            running.Parameters.AddWithValue("@id", correlationId);
            running.Parameters.AddWithValue("@processing", CardAnimationStatus.Processing.ToWireName());
            return ReadOne(running);
        }, cancellationToken);
    }

    public Task<CardJob?> TryCompleteAnimationAsync(string correlationId, string videoKey, string videoContentType, DateTimeOffset finishedAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(videoKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(videoContentType);
        return TryMoveAnimationAsync(correlationId, CardAnimationStatus.Completed,
            "animation_video_key = @text, animation_video_content_type = @contentType", finishedAt, videoKey, videoContentType, cancellationToken);
    }

    public Task<CardJob?> TryFailAnimationAsync(string correlationId, string error, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return TryMoveAnimationAsync(correlationId, CardAnimationStatus.Failed, "animation_error = @text", finishedAt, error, null, cancellationToken);
    }

    /// <summary>To a finished status: completed from processing, failed from queued or processing.</summary>
    private Task<CardJob?> TryMoveAnimationAsync(string correlationId, CardAnimationStatus to, string set, DateTimeOffset finishedAt,
        string text, string? contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correlationId);
        CardAnimationStatus[] from = to == CardAnimationStatus.Completed
            ? [CardAnimationStatus.Processing]
            : [CardAnimationStatus.Queued, CardAnimationStatus.Processing];
        return _database.WriteAsync((connection, transaction) =>
        {
            var command = PreparedCommands.For(connection, transaction, $"""
                UPDATE jobs SET animation_status = @to, animation_finished_at = @at, {set}
                WHERE correlation_id = @id AND animation_status IN ({string.Join(", ", from.Select((_, i) => $"@from{i}"))})
                RETURNING {Columns}
                """);
            command.Parameters.AddWithValue("@to", to.ToWireName());
            command.Parameters.AddWithValue("@at", finishedAt.UtcTicks);
            command.Parameters.AddWithValue("@text", text);
            if (contentType is not null)
                command.Parameters.AddWithValue("@contentType", contentType);
            command.Parameters.AddWithValue("@id", correlationId);
            for (var i = 0; i < from.Length; i++)
                command.Parameters.AddWithValue($"@from{i}", from[i].ToWireName());
            return ReadOne(command);
        }, cancellationToken);
    }

    private static CardAnimationStatus ParseAnimationStatus(string wireName) =>
        CardAnimationStatusExtensions.TryParseWireName(wireName, out var status)
            ? status
            : throw new InvalidDataException($"Unknown animation status '{wireName}' in the job store.");

    private static RatingSource ParseRatingSource(string wireName) =>
        RatingSourceExtensions.TryParseWireName(wireName, out var source)
            ? source
            : throw new InvalidDataException($"Unknown rating source '{wireName}' in the job store.");
}
