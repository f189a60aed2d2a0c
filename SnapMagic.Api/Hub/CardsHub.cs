using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using SnapMagic.Api.Auth;
using SnapMagic.Api.Cards;
using SnapMagic.Api.Diagnostics;
using SnapMagic.Api.Feedback;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.Feedback;
using SnapMagic.Storage;

namespace SnapMagic.Api.Hub;

/// <summary>
/// Live card status. <c>Subscribe</c> answers the card's current view and from then on the connection gets
/// <see cref="ICardsClient.CardUpdated"/> for it; a client re-subscribes after a reconnect and the snapshot closes the gap.
/// <c>SubscribeFeedback</c> does the same for the session's feedback (<see cref="ICardsClient.FeedbackUpdated"/>), within
/// the same limits: the calls per minute and the subscriptions a connection may hold.
/// </summary>
[Authorize]
internal sealed class CardsHub(
    IJobStore store, IFeedbackStore feedback, CardViews views, SessionConnections sessions, IOptions<CardsHubOptions> options, TimeProvider time)
    : Hub<ICardsClient>
{
    private const string NotFound = "There is no card with this id in your session.";
    private const string FeedbackNotFound = "There is no feedback with this id in your session.";
    private static readonly object SubscriptionsKey = new();
    private static readonly object SubscribeWindowKey = new();
    private static readonly object CountedKey = new();

    public async Task<CardView> Subscribe(string? correlationId)
    {
        if (!CorrelationIds.IsWellFormed(correlationId))
            throw new HubException(NotFound);
        var subscriptions = TakeSubscription(CardUpdatePublisher.GroupFor(correlationId!));

        // Check, join, read: the owner is checked before the connection joins the card's group (another session's
        // card never reaches it, not even for a moment), and the snapshot is read after joining, so a change that
        // lands in between is either in the snapshot or pushed.
        var sessionId = Context.User?.FindSessionId();
        var owned = await store.GetAsync(correlationId!, Context.ConnectionAborted);
        if (owned is null || owned.SessionId != sessionId)
            throw new HubException(NotFound);
        await Groups.AddToGroupAsync(Context.ConnectionId, CardUpdatePublisher.GroupFor(correlationId!), Context.ConnectionAborted);
        subscriptions.Add(CardUpdatePublisher.GroupFor(correlationId!));
        var job = await store.GetAsync(correlationId!, Context.ConnectionAborted) ?? owned;

        var http = Context.GetHttpContext();
        return await views.CreateWithQueuePositionAsync(job, http is null ? "" : views.PublicBaseFor(http.Request), Context.ConnectionAborted);
    }

    /// <summary>As <see cref="Subscribe"/>, for the session's feedback: check, join, read.</summary>
    public async Task<FeedbackView> SubscribeFeedback(string? feedbackId)
    {
        if (!CorrelationIds.IsWellFormed(feedbackId))
            throw new HubException(FeedbackNotFound);
        var group = FeedbackUpdatePublisher.GroupFor(feedbackId!);
        var subscriptions = TakeSubscription(group);

        var owned = await FeedbackEndpoints.FindOwnedAsync(feedbackId, Context.User, feedback, Context.ConnectionAborted)
            ?? throw new HubException(FeedbackNotFound);
        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        subscriptions.Add(group);
        return FeedbackViews.Create(await feedback.GetAsync(feedbackId!, Context.ConnectionAborted) ?? owned);
    }

    /// <summary>Stops the pushes of a card, or of a feedback item, the connection follows (ids of both kinds are unique).</summary>
    public async Task Unsubscribe(string? correlationId)
    {
        if (correlationId is null)
            return;
        var subscriptions = Item(SubscriptionsKey, () => new HashSet<string>(StringComparer.Ordinal));
        foreach (var group in new[] { CardUpdatePublisher.GroupFor(correlationId), FeedbackUpdatePublisher.GroupFor(correlationId) })
        {
            if (subscriptions.Remove(group))
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        }
    }

    /// <summary>
    /// Counts a subscribe call against the connection's calls per minute, and refuses a new <paramref name="group"/> past
    /// the subscriptions a connection may hold; the set the caller adds the group to once the owner is checked.
    /// </summary>
    private HashSet<string> TakeSubscription(string group)
    {
        var perMinute = options.Value.SubscribesPerConnectionPerMinute;
        if (!Item(SubscribeWindowKey, () => new SubscribeWindow()).TryTake(time.GetUtcNow(), perMinute, out var retryAfter))
            throw new HubException(string.Create(CultureInfo.InvariantCulture,
                $"Too many requests: a connection may subscribe {perMinute} times a minute; try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} seconds."));

        var subscriptions = Item(SubscriptionsKey, () => new HashSet<string>(StringComparer.Ordinal));
        if (!subscriptions.Contains(group) && subscriptions.Count >= CardsHubContract.MaxSubscriptionsPerConnection)
            throw new HubException($"A connection can follow at most {CardsHubContract.MaxSubscriptionsPerConnection} cards and feedback answers; unsubscribe from some first.");
        return subscriptions;
    }

    /// <summary>
    /// Counts the session's connection; one past the limit that raced the 429 of <see cref="SessionConnectionLimit"/> is
    /// closed at once (a closed connection, not a thrown error, which SignalR would log as a failure).
    /// </summary>
    public override Task OnConnectedAsync()
    {
        var sessionId = Context.User?.FindSessionId() ?? "";
        if (!sessions.TryAdd(sessionId, options.Value.MaxConnectionsPerSession))
        {
            Context.Abort();
            return Task.CompletedTask;
        }
        Context.Items[CountedKey] = sessionId;
        ApiTelemetry.HubConnections.Add(1);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(CountedKey, out var counted) && counted is string sessionId)
        {
            sessions.Remove(sessionId);
            ApiTelemetry.HubConnections.Add(-1);
        }
        return base.OnDisconnectedAsync(exception);
    }

    // Hub invocations of one connection run one at a time (MaximumParallelInvocationsPerClient = 1), so plain objects are safe.
    private T Item<T>(object key, Func<T> create) where T : class
    {
        if (Context.Items.TryGetValue(key, out var existing) && existing is T item)
            return item;
        var created = create();
        Context.Items[key] = created;
        return created;
    }
}
