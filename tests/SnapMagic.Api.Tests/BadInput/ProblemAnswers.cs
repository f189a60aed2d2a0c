using System.Text.Json;
using System.Text.RegularExpressions;

namespace SnapMagic.Api.Tests.BadInput;

internal static partial class ProblemAnswers
{
    /// <summary>A ProblemDetails body fit for the attendee's page: its status, a title and a detail, no stack trace, no exception type.</summary>
    public static void AssertReadableProblem(CaseResponse response)
    {
        Assert.Equal("application/problem+json", response.ContentType);
        using var document = JsonDocument.Parse(response.Body);
        var problem = document.RootElement;
        Assert.Equal(response.Status, problem.GetProperty("status").GetInt32());
        foreach (var field in new[] { "title", "detail" })
        {
            Assert.True(problem.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String,
                $"The ProblemDetails has no {field}: {response.Body}");
            AssertReadable(value.GetString());
        }
    }

    /// <summary>Text an attendee may see: not empty, no stack frame, no exception type name.</summary>
    public static void AssertReadable(string? text)
    {
        Assert.False(string.IsNullOrWhiteSpace(text), "The message is empty.");
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotMatch(ExceptionTypeName(), text);
    }

    /// <summary>
    /// A hub error an attendee's page may show. SignalR itself writes "... on the server. HubException: {message}"
    /// for a HubException (the one way a hub passes a message on); no other exception type may show.
    /// </summary>
    public static void AssertReadableHubError(string? error)
    {
        AssertReadable(error?.Replace(" HubException: ", " ", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\b\w*Exception\b|\bSystem\.\w+")]
    private static partial Regex ExceptionTypeName();
}
