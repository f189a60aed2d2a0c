using System.Security.Cryptography;
using System.Text;

namespace SnapMagic.Api.Auth;

/// <summary>Compares secrets in time that does not depend on where they differ (nor, through hashing, on their lengths).</summary>
internal static class FixedTimeText
{
    public static bool AreEqual(string? presented, string? expected)
    {
        if (presented is null || expected is null) return false;
        Span<byte> a = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> b = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), a);
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), b);
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
