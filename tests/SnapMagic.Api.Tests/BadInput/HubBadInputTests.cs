using Xunit.Abstractions;

namespace SnapMagic.Api.Tests.BadInput;

/// <summary>
/// Each hub case of the catalogue gets a hub error with a readable message (and the connection keeps working),
/// or a clean close or refusal (and a new connection works); nothing logs an error, and HTTP still serves.
/// </summary>
public sealed class HubBadInputTests(BadInputServer server, ITestOutputHelper output) : IClassFixture<BadInputServer>
{
    [Theory]
    [MemberData(nameof(HubBadInputCases.Names), MemberType = typeof(HubBadInputCases))]
    public async Task Bad_hub_input_gets_a_hub_error_or_a_clean_close_and_the_hub_keeps_serving(string name)
    {
        var @case = HubBadInputCases.Named(name);
        var errorsBefore = server.Errors.Count;
        await using var context = await HubCaseContext.CreateAsync(server);

        var answer = await @case.Act(context);
        output.WriteLine(answer.ToString());

        Assert.True(answer.Outcome == @case.Expected, $"{name}: expected {@case.Expected}, got {answer}");
        if (answer.Outcome == HubOutcome.Error || answer.Message is not null)
            ProblemAnswers.AssertReadableHubError(answer.Message);
        // A refusal by a limit of the connection leaves it open, but it may not subscribe again this minute.
        if (answer.Outcome == HubOutcome.Error && !answer.Message!.Contains("Too many requests", StringComparison.Ordinal))
        {
            await context.AssertSubscribesOwnCardAsync(context.Hub);
        }
        else
        {
            await using var fresh = await server.ConnectHubAsync(context.Login.Token);
            await context.AssertSubscribesOwnCardAsync(fresh);
        }
        Assert.Empty(server.Errors.UnexpectedSince(errorsBefore));

        await server.AssertStillServedAsync();
    }
}
