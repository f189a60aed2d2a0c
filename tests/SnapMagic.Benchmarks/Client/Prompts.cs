namespace SnapMagic.Benchmarks.Client;

/// <summary>Valid, distinct prompts (10-1024 characters), so every card paints its own picture.</summary>
public static class Prompts
{
    private static readonly string[] Subjects = ["a phoenix", "a robot knight", "a glass dragon", "a sea turtle", "a fox astronaut"];
    private static readonly string[] Places = ["over a neon city", "in a misty forest", "on the moon", "under the sea", "in a desert storm"];

    public static string For(string scenario, int index) =>
        $"{Subjects[index % Subjects.Length]} {Places[index / Subjects.Length % Places.Length]} ({scenario} card {index})";
}
