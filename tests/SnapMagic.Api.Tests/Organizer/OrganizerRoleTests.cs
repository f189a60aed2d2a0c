using System.Net;
using System.Net.Http.Json;
using SnapMagic.Api.Auth;

namespace SnapMagic.Api.Tests.Organizer;

public sealed class OrganizerRoleTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static TheoryData<string> OrganizerPaths() => ["/api/organizer/summary", "/api/organizer/cards.csv", "/api/organizer/cards/latest"];

    [Fact]
    public async Task The_login_says_which_role_it_gave()
    {
        var attendee = await factory.LoginAsync();
        var organizer = await factory.LoginOrganizerAsync();

        Assert.Equal(Roles.Attendee, attendee.Role);
        Assert.Equal(Roles.Organizer, organizer.Role);
    }

    [Fact]
    public async Task The_organizer_password_does_not_work_with_the_attendee_name_nor_the_reverse()
    {
        using var client = factory.CreateClient();

        using var mixed1 = await client.PostAsJsonAsync("/api/auth/login", new { username = "demo", password = "organizer" });
        using var mixed2 = await client.PostAsJsonAsync("/api/auth/login", new { username = "organizer", password = "demo" });

        await mixed1.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await mixed2.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(OrganizerPaths))]
    public async Task Attendee_tokens_get_403_ProblemDetails_on_organizer_endpoints(string path)
    {
        var (attendee, _) = await factory.NewSessionAsync();

        using var response = await attendee.GetAsync(path);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(OrganizerPaths))]
    public async Task Without_a_token_organizer_endpoints_answer_401(string path)
    {
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.GetAsync(path);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(OrganizerPaths))]
    public async Task Organizer_tokens_are_let_in(string path)
    {
        using var organizer = await factory.NewOrganizerAsync();

        using var response = await organizer.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
