using Xunit.Abstractions;

namespace SnapMagic.Api.Tests.BadInput;

/// <summary>
/// Each HTTP case of the catalogue gets its 4xx, with a readable ProblemDetails when the Api answers; nothing is
/// answered 5xx, nothing logs an error, and a normal login, submit and read still work right after it.
/// </summary>
public sealed class HttpBadInputTests(BadInputServer server, ITestOutputHelper output) : IClassFixture<BadInputServer>
{
    [Theory]
    [MemberData(nameof(HttpBadInputCases.Names), MemberType = typeof(HttpBadInputCases))]
    public async Task Bad_request_gets_a_clear_4xx_and_the_Api_keeps_serving(string name)
    {
        var @case = HttpBadInputCases.Named(name);
        var errorsBefore = server.Errors.Count;
        var login = await server.Factory.LoginAsync();

        var response = await @case.Send(new HttpCaseContext(server, login.Token));
        output.WriteLine(response.ToString());

        Assert.True(response.Status is >= 400 and < 500, $"{name}: {response}");
        Assert.InRange(response.Status, @case.MinStatus, @case.MaxStatus);
        if (@case.Answer == Answer.Problem)
            ProblemAnswers.AssertReadableProblem(response);
        else
            Assert.Equal("", response.Body);
        Assert.Empty(server.Errors.UnexpectedSince(errorsBefore));

        await server.AssertStillServedAsync();
    }
}
