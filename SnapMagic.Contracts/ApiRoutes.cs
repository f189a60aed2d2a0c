namespace SnapMagic.Contracts;

/// <summary>The Api's public routes, as the Api maps them and every client (tests, benchmarks) calls them.</summary>
public static class ApiRoutes
{
    public const string Login = "/api/auth/login";
    public const string Cards = "/api/cards";
    public const string Organizer = "/api/organizer";
    public const string OrganizerSummary = Organizer + "/summary";
    public const string OrganizerCardsCsv = Organizer + "/cards.csv";
    public const string OrganizerLatestCards = Organizer + "/cards/latest";

    public static string Card(string correlationId) => $"{Cards}/{Uri.EscapeDataString(correlationId)}";

    public static string CardImage(string correlationId) => $"{Card(correlationId)}/image";

    public static string CardRating(string correlationId) => $"{Card(correlationId)}/rating";
}
