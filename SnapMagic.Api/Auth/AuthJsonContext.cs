using SnapMagic.Contracts;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SnapMagic.Api.Auth;

/// <summary>Source-generated JSON for the login's request and answer.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(LoginResponse))]
public sealed partial class AuthJsonContext : JsonSerializerContext;
