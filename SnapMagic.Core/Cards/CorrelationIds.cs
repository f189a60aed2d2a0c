using System.Security.Cryptography;

namespace SnapMagic.Cards;

/// <summary>Unguessable card ids: 128 random bits, lower-case hex (32 characters).</summary>
public static class CorrelationIds
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsWellFormed(string? id) =>
        id is { Length: 32 } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
