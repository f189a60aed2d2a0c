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
    public const string OrganizerFeedbackCsv = Organizer + "/feedback.csv";
    public const string Feedback = "/api/feedback";

    public static string Card(string correlationId) => $"{Cards}/{Uri.EscapeDataString(correlationId)}";

    public static string CardImage(string correlationId) => $"{Card(correlationId)}/image";

    public static string CardRating(string correlationId) => $"{Card(correlationId)}/rating";

    /// <summary>POST starts the card's animation (202, idempotent); the card's view shows its progress.</summary>
    public static string CardAnimation(string correlationId) => $"{Card(correlationId)}/animation";

    /// <summary>The finished animation's bytes, to the owner or through the signed <c>videoUrl</c>.</summary>
    public static string CardAnimationVideo(string correlationId) => $"{CardAnimation(correlationId)}/video";

    public static string FeedbackItem(string feedbackId) => $"{Feedback}/{Uri.EscapeDataString(feedbackId)}";
}
