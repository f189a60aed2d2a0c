using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace SnapMagic.FakeBedrock;

/// <summary>
/// Recomputes an AWS Signature Version 4 the way AWS does for services other than S3 (the already-encoded
/// path is encoded once more, so the model id's <c>%3A</c> is signed as <c>%253A</c>) and compares it with
/// the request's. Written from the public SigV4 specification, independently of the SDK's signer.
/// </summary>
internal static class SigV4Verifier
{
    /// <summary>Null when the signature matches, otherwise why not.</summary>
    public static string? Verify(HttpRequest request, string rawPath, byte[] body, string secretKey, string scope, string signedHeaders, string signature)
    {
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var claimedHash = request.Headers["X-Amz-Content-SHA256"].ToString();
        if (claimedHash.Length > 0 && claimedHash != payloadHash)
            return "X-Amz-Content-SHA256 does not match the body.";

        var headerLines = new StringBuilder();
        foreach (var name in signedHeaders.Split(';'))
        {
            var value = name == "host" ? request.Host.Value : request.Headers[name].ToString();
            headerLines.Append(name).Append(':').Append(string.Join(' ', (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))).Append('\n');
        }
        var path = string.Join('/', rawPath.Split('?')[0].Split('/').Select(Uri.EscapeDataString));
        var canonicalRequest = $"{request.Method}\n{path}\n\n{headerLines}\n{signedHeaders}\n{(claimedHash.Length > 0 ? claimedHash : payloadHash)}";

        var parts = scope.TrimStart('/').Split('/'); // date/region/service/aws4_request
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope.TrimStart('/')}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in parts)
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return expected == signature ? null : $"The SigV4 signature does not match (canonical path '{path}').";
    }
}
