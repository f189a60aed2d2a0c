using System.Text.Json;
using System.Text.Json.Serialization;
using SnapMagic.Api.Auth;
using SnapMagic.Api.Cards;
using SnapMagic.Contracts;

namespace SnapMagic.Api.Http;

/// <summary>Source-generated JSON for the Api's request, response and hub payloads.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(LoginResponse))]
[JsonSerializable(typeof(CreateCardRequest))]
[JsonSerializable(typeof(RateCardRequest))]
[JsonSerializable(typeof(CardAccepted))]
[JsonSerializable(typeof(CardView))]
[JsonSerializable(typeof(IReadOnlyList<CardView>))]
[JsonSerializable(typeof(string))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
