using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SnapMagic.Api.Auth;
using SnapMagic.Api.Cards;
using SnapMagic.Api.Diagnostics;
using SnapMagic.Cards;
using SnapMagic.Contracts;
using SnapMagic.Storage;

namespace SnapMagic.Api.Hub;

/// <summary>
/// Live card status. <c>Subscribe</c> answers the card's current view and from then on the connection gets
/// <see cref="ICardsClient.CardUpdated"/> for it; a client re-subscribes after a reconnect and the snapshot closes the gap.
/// </summary>
[Authorize]
internal sealed class CardsHub(IJobStore store, CardViews views) : Hub<ICardsClient>
{
    private const string NotFound = "There is no card with this id in your session.";
    private static readonly object SubscriptionsKey = new();

    public async Task<CardView> Subscribe(string? correlationId)
    {
        if (!CorrelationIds.IsWellFormed(correlationId))
            throw new HubException(NotFound);

        var subscriptions = Subscriptions;
        if (!subscriptions.Contains(correlationId!) && subscriptions.Count >= CardsHubContract.MaxSubscriptionsPerConnection)
            throw new HubException($"A connection can follow at most {CardsHubContract.MaxSubscriptionsPerConnection} cards; unsubscribe from some first.");

        // Join the group before reading, so a change that lands in between is either in the snapshot or pushed.
        var group = CardUpdatePublisher.GroupFor(correlationId!);
        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        var job = await store.GetAsync(correlationId!, Context.ConnectionAborted);
        if (job is null || job.SessionId != Context.User?.FindSessionId())
        {
            if (!subscriptions.Contains(correlationId!))
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
            throw new HubException(NotFound);
        }

        subscriptions.Add(correlationId!);
        var http = Context.GetHttpContext();
        return await views.CreateWithQueuePositionAsync(job, http is null ? "" : views.PublicBaseFor(http.Request), Context.ConnectionAborted);
    }

    public async Task Unsubscribe(string? correlationId)
    {
        if (correlationId is null || !Subscriptions.Remove(correlationId))
            return;
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, CardUpdatePublisher.GroupFor(correlationId), Context.ConnectionAborted);
    }

    public override Task OnConnectedAsync()
    {
        ApiTelemetry.HubConnections.Add(1);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        ApiTelemetry.HubConnections.Add(-1);
        return base.OnDisconnectedAsync(exception);
    }

    // Hub invocations of one connection run one at a time (MaximumParallelInvocationsPerClient = 1), so a plain set is safe.
    private HashSet<string> Subscriptions
    {
        get
        {
            if (Context.Items.TryGetValue(SubscriptionsKey, out var existing) && existing is HashSet<string> set)
                return set;
            var created = new HashSet<string>(StringComparer.Ordinal);
            Context.Items[SubscriptionsKey] = created;
            return created;
        }
    }
}
