using SnapMagic.Contracts;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SnapMagic.Api.Hub;
using SnapMagic.Cards;
using SnapMagic.Storage;

namespace SnapMagic.Api.Tests.BadInput;

public sealed record HubCase(string Name, Func<HubCaseContext, Task<HubAnswer>> Act, HubOutcome Expected);

/// <summary>The bad-input catalogue on the hub (issue 6): case, what is sent, how the server must answer.</summary>
public static class HubBadInputCases
{
    public const int FloodSize = 1000;

    public static readonly IReadOnlyList<HubCase> All =
    [
        // Subscribe with ids that are not the caller's card.
        Case("Subscribe null", c => c.Invoke("Subscribe", [null]), HubOutcome.Error),
        Case("Subscribe empty", c => c.Invoke("Subscribe", ""), HubOutcome.Error),
        Case("Subscribe whitespace", c => c.Invoke("Subscribe", "   \t  "), HubOutcome.Error),
        Case("Subscribe malformed id", c => c.Invoke("Subscribe", "not-an-id"), HubOutcome.Error),
        Case("Subscribe id with control characters", c => c.Invoke("Subscribe", "\u0000\u001b[2J" + CorrelationIds.New()[4..]), HubOutcome.Error),
        Case("Subscribe path traversal", c => c.Invoke("Subscribe", "../../../etc/passwd"), HubOutcome.Error),
        Case("Subscribe backslash traversal", c => c.Invoke("Subscribe", "..\\..\\cards.db"), HubOutcome.Error),
        Case("Subscribe own id in upper case", c => c.Invoke("Subscribe", c.OwnCard.ToUpperInvariant()), HubOutcome.Error),
        Case("Subscribe own id with a space", c => c.Invoke("Subscribe", c.OwnCard + " "), HubOutcome.Error),
        Case("Subscribe unknown id", c => c.Invoke("Subscribe", CorrelationIds.New()), HubOutcome.Error),
        Case("Subscribe another session's card", c => c.Invoke("Subscribe", c.Server.OtherSessionsCard), HubOutcome.Error),

        // Arguments of the wrong shape.
        Case("Subscribe a number", c => c.Invoke("Subscribe", 42), HubOutcome.Error),
        Case("Subscribe an object", c => c.Invoke("Subscribe", new { correlationId = c.OwnCard }), HubOutcome.Error),
        Case("Subscribe an array", c => c.Invoke("Subscribe", [new[] { c.OwnCard }]), HubOutcome.Error),
        Case("Subscribe no argument", c => c.Invoke("Subscribe"), HubOutcome.Error),
        Case("Subscribe two arguments", c => c.Invoke("Subscribe", c.OwnCard, c.OwnCard), HubOutcome.Error),
        Case("Subscribe an id of 20 KB", c => c.Invoke("Subscribe", new string('a', 20 * 1024)), HubOutcome.Error),
        Case("Subscribe an id past the message size limit", c => c.Invoke("Subscribe", new string('a', 64 * 1024)), HubOutcome.Closed),

        // SubscribeFeedback with ids that are not the caller's feedback, or of the wrong shape.
        Case("SubscribeFeedback null", c => c.Invoke("SubscribeFeedback", [null]), HubOutcome.Error),
        Case("SubscribeFeedback empty", c => c.Invoke("SubscribeFeedback", ""), HubOutcome.Error),
        Case("SubscribeFeedback malformed id", c => c.Invoke("SubscribeFeedback", "not-an-id"), HubOutcome.Error),
        Case("SubscribeFeedback path traversal", c => c.Invoke("SubscribeFeedback", "../../../etc/passwd"), HubOutcome.Error),
        Case("SubscribeFeedback own id in upper case", c => c.Invoke("SubscribeFeedback", c.OwnFeedback.ToUpperInvariant()), HubOutcome.Error),
        Case("SubscribeFeedback unknown id", c => c.Invoke("SubscribeFeedback", CorrelationIds.New()), HubOutcome.Error),
        Case("SubscribeFeedback another session's feedback", c => c.Invoke("SubscribeFeedback", c.Server.OtherSessionsFeedback), HubOutcome.Error),
        Case("SubscribeFeedback own card's id", c => c.Invoke("SubscribeFeedback", c.OwnCard), HubOutcome.Error),
        Case("Subscribe own feedback's id", c => c.Invoke("Subscribe", c.OwnFeedback), HubOutcome.Error),
        Case("SubscribeFeedback a number", c => c.Invoke("SubscribeFeedback", 42), HubOutcome.Error),
        Case("SubscribeFeedback an object", c => c.Invoke("SubscribeFeedback", new { feedbackId = c.OwnFeedback }), HubOutcome.Error),
        Case("SubscribeFeedback no argument", c => c.Invoke("SubscribeFeedback"), HubOutcome.Error),
        Case("SubscribeFeedback two arguments", c => c.Invoke("SubscribeFeedback", c.OwnFeedback, c.OwnFeedback), HubOutcome.Error),
        Case("SubscribeFeedback an id past the message size limit", c => c.Invoke("SubscribeFeedback", new string('a', 64 * 1024)), HubOutcome.Closed),
        Case("SubscribeFeedback past the per-minute limit shared with Subscribe", SubscribeFeedbackPastTheMinute, HubOutcome.Error),
        Case("SubscribeFeedback past the subscriptions a connection may hold", SubscribeFeedbackPastTheCap, HubOutcome.Error),

        // Methods the hub does not have.
        Case("unknown method", c => c.Invoke("DeleteAllCards"), HubOutcome.Error),
        Case("lifecycle method OnConnectedAsync", c => c.Invoke("OnConnectedAsync"), HubOutcome.Error),
        Case("base method Dispose", c => c.Invoke("Dispose"), HubOutcome.Error),

        // Floods on one connection.
        Case($"flood of {FloodSize} Subscribe calls for unknown ids", Flood, HubOutcome.Error),
        Case($"flood past {CardsHubContract.MaxSubscriptionsPerConnection} real cards", FloodPastTheCap, HubOutcome.Error),
        Case("Subscribe past the per-minute limit", SubscribePastTheMinute, HubOutcome.Error),
        Case("connect past the session's connection limit", ConnectPastTheSessionLimit, HubOutcome.Refused),

        // Records the SignalR client would never send.
        Case("method name empty", c => RawInvocation(c, """{"type":1,"invocationId":"e1","target":"","arguments":[]}"""), HubOutcome.Error),
        Case("streaming invocation of Subscribe", c => RawInvocation(c, $$"""{"type":4,"invocationId":"s1","target":"Subscribe","arguments":["{{c.OwnCard}}"]}"""), HubOutcome.Error),
        Case("record that is not JSON", c => RawClose(c, "{\"type\":1,\"target\":\u001e"), HubOutcome.Closed),
        Case("record without a type", c => RawClose(c, """{"target":"Subscribe","arguments":[]}""" + "\u001e"), HubOutcome.Closed),
        Case("invocation with arguments not an array", c => RawInvocation(c, """{"type":1,"invocationId":"a1","target":"Subscribe","arguments":"abc"}"""), HubOutcome.Closed),

        // Connections.
        Case("handshake with an unknown protocol", BadHandshake("""{"protocol":"xml","version":1}"""), HubOutcome.Refused),
        Case("handshake that is not JSON", BadHandshake("hello\u001e"), HubOutcome.Refused),
        Case("connect without a token", c => c.Connect(null), HubOutcome.Refused),
        Case("connect with an expired token", c => c.Connect(TokenMint.Refused("expired")), HubOutcome.Refused),
        Case("connect with an alg-none token", c => c.Connect(TokenMint.Refused("alg none")), HubOutcome.Refused),
        Case("connect with a wrong-issuer token", c => c.Connect(TokenMint.Refused("wrong issuer")), HubOutcome.Refused),
        Case("connect with a forged token", c => c.Connect(TokenMint.Refused("wrong key")), HubOutcome.Refused),
    ];

    public static TheoryData<string> Names() => [.. All.Select(c => c.Name)];

    public static HubCase Named(string name) => All.Single(c => c.Name == name);

    private static HubCase Case(string name, Func<HubCaseContext, Task<HubAnswer>> act, HubOutcome expected) => new(name, act, expected);

    /// <summary>Every call of a pipelined flood fails with the same hub error; the answer is that error.</summary>
    private static async Task<HubAnswer> Flood(HubCaseContext c)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, FloodSize).Select(_ => c.Invoke("Subscribe", CorrelationIds.New())));
        Assert.All(answers, answer => Assert.Equal(HubOutcome.Error, answer.Outcome));
        return Assert.Single(answers.DistinctBy(a => a.Message));
    }

    /// <summary>The connection follows as many of the session's cards as it may; one more is a hub error.</summary>
    private static async Task<HubAnswer> FloodPastTheCap(HubCaseContext c)
    {
        await c.Invoke("Subscribe", c.OwnCard);
        var store = c.Server.Factory.Services.GetRequiredService<IJobStore>();
        var more = new List<string>();
        for (var i = 0; i < CardsHubContract.MaxSubscriptionsPerConnection; i++)
        {
            var (job, _) = await store.CreateAsync(new CardJob
            {
                CorrelationId = CorrelationIds.New(),
                SessionId = c.Login.SessionId,
                Prompt = $"Card {i} of the subscription flood",
                Status = CardStatus.Queued,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            more.Add(job.CorrelationId);
        }

        var answers = await Task.WhenAll(more.Select(id => c.Invoke("Subscribe", id)));

        Assert.Equal(CardsHubContract.MaxSubscriptionsPerConnection - 1, answers.Count(a => a.Outcome == HubOutcome.Answered));
        // Make room again, so the check afterwards can follow the session's own card.
        await c.Invoke("Unsubscribe", c.OwnCard);
        return answers.Single(a => a.Outcome != HubOutcome.Answered);
    }

    /// <summary>The session's own card, subscribed once more than a connection may in a minute: the last call is refused.</summary>
    private static async Task<HubAnswer> SubscribePastTheMinute(HubCaseContext c)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, BadInputServer.SubscribesPerMinute + 1).Select(_ => c.Invoke("Subscribe", c.OwnCard)));

        Assert.Equal(BadInputServer.SubscribesPerMinute, answers.Count(a => a.Outcome == HubOutcome.Answered));
        return answers.Single(a => a.Outcome != HubOutcome.Answered);
    }

    /// <summary>The minute's subscribe calls used up by Subscribe: SubscribeFeedback is refused too.</summary>
    private static async Task<HubAnswer> SubscribeFeedbackPastTheMinute(HubCaseContext c)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, BadInputServer.SubscribesPerMinute).Select(_ => c.Invoke("Subscribe", c.OwnCard)));
        Assert.All(answers, answer => Assert.Equal(HubOutcome.Answered, answer.Outcome));

        return await c.Invoke("SubscribeFeedback", c.OwnFeedback);
    }

    /// <summary>The connection follows as many of the session's cards as it may: following its feedback too is refused.</summary>
    private static async Task<HubAnswer> SubscribeFeedbackPastTheCap(HubCaseContext c)
    {
        var store = c.Server.Factory.Services.GetRequiredService<IJobStore>();
        var last = "";
        for (var i = 0; i < CardsHubContract.MaxSubscriptionsPerConnection; i++)
        {
            var (job, _) = await store.CreateAsync(new CardJob
            {
                CorrelationId = CorrelationIds.New(),
                SessionId = c.Login.SessionId,
                Prompt = $"Card {i} filling the connection",
                Status = CardStatus.Queued,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            Assert.Equal(HubOutcome.Answered, (await c.Invoke("Subscribe", job.CorrelationId)).Outcome);
            last = job.CorrelationId;
        }

        var refused = await c.Invoke("SubscribeFeedback", c.OwnFeedback);
        // Make room again, so the check afterwards can follow the session's own card.
        await c.Invoke("Unsubscribe", last);
        return refused;
    }

    /// <summary>The session holds as many connections as it may (the case's own and more); one more is refused.</summary>
    private static async Task<HubAnswer> ConnectPastTheSessionLimit(HubCaseContext c)
    {
        var held = new List<HubConnection>();
        try
        {
            // A connection is counted for its session once it has answered a call.
            await HubLimitsTests.Counted(c.Hub);
            for (var i = 1; i < BadInputServer.ConnectionsPerSession; i++)
                held.Add(await HubLimitsTests.Counted(await c.Server.ConnectHubAsync(c.Login.Token)));
            return await c.Connect(c.Login.Token);
        }
        finally
        {
            foreach (var hub in held)
                await hub.DisposeAsync();
            await HubLimitsTests.WaitUntilCountedAsync(c.Server.Factory, c.Login.SessionId, 1);
        }
    }

    /// <summary>Sends one record on a raw connection and reports the completion or the close it got.</summary>
    private static async Task<HubAnswer> RawInvocation(HubCaseContext c, string record)
    {
        await using var raw = await c.Raw();
        await raw.SendRecordAsync(record);
        var answer = await raw.ReadRecordAsync();
        if (answer is not { } completion)
            return new HubAnswer(HubOutcome.Closed, null);
        switch (completion.GetProperty("type").GetInt32())
        {
            case 7:
                return new HubAnswer(HubOutcome.Closed, completion.TryGetProperty("error", out var closeError) ? closeError.GetString() : null);
            case 3 when completion.TryGetProperty("error", out var error):
                // The raw connection must still work after the error.
                await raw.SendRecordAsync($$"""{"type":1,"invocationId":"ok","target":"Subscribe","arguments":["{{c.OwnCard}}"]}""");
                var ok = await raw.ReadRecordAsync();
                Assert.Equal(c.OwnCard, ok!.Value.GetProperty("result").GetProperty("correlationId").GetString());
                return new HubAnswer(HubOutcome.Error, error.GetString());
            default:
                return new HubAnswer(HubOutcome.Answered, completion.GetRawText());
        }
    }

    /// <summary>Sends raw text after the handshake; the server must close the connection, not leave it hanging.</summary>
    private static async Task<HubAnswer> RawClose(HubCaseContext c, string text)
    {
        await using var raw = await c.Raw();
        await raw.SendTextAsync(text);
        var (closed, error) = await raw.ReadUntilClosedAsync();
        return new HubAnswer(closed ? HubOutcome.Closed : HubOutcome.Answered, error);
    }

    private static Func<HubCaseContext, Task<HubAnswer>> BadHandshake(string handshake) => async c =>
    {
        await using var raw = await RawHubSocket.ConnectAsync(c.Server.HubUrl, c.Login.Token);
        await raw.SendTextAsync(handshake.EndsWith('\u001e') ? handshake : handshake + "\u001e");
        var answer = await raw.ReadRecordAsync();
        if (answer is { } refusal && refusal.TryGetProperty("error", out var error))
            return new HubAnswer(HubOutcome.Refused, error.GetString());
        return answer is null ? new HubAnswer(HubOutcome.Refused, null) : new HubAnswer(HubOutcome.Answered, answer.Value.GetRawText());
    };
}
