namespace SnapMagic.Api.Tests.BadInput;

/// <summary>What came back for a catalogue case, whether it went through HttpClient or a raw socket.</summary>
public sealed record CaseResponse(int Status, string? ContentType, string Body)
{
    public static async Task<CaseResponse> FromAsync(HttpResponseMessage response) => new(
        (int)response.StatusCode,
        response.Content.Headers.ContentType?.MediaType,
        await response.Content.ReadAsStringAsync());

    public override string ToString() => $"{Status} {ContentType ?? "(no content type)"} {Body}";
}
