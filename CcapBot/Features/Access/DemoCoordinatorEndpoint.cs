using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace CcapBot.Features.Access;

/// <summary>
/// <c>GET /api/webchat/demo-coordinator</c>, Development only: the web chat page asks whether it may offer the
/// "act as demo coordinator" switch, and which web chat user id that is (<see cref="CoordinatorOptions.DemoIdentity"/>).
/// Outside Development, or without a demo identity, it answers 404 and the page shows no switch.
/// </summary>
public static class DemoCoordinatorEndpoint
{
    public const string Path = "/api/webchat/demo-coordinator";

    public static IEndpointRouteBuilder MapDemoCoordinatorEndpoint(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Path, Get);
        return endpoints;
    }

    private static IResult Get(IOptions<CoordinatorOptions> options, IHostEnvironment environment) =>
        environment.IsDevelopment() && options.Value.DemoIdentity is { Length: > 0 } userId
            ? TypedResults.Json(new DemoCoordinator(userId), DemoCoordinatorJsonContext.Default.DemoCoordinator)
            : TypedResults.NotFound();
}

public sealed record DemoCoordinator(string UserId);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DemoCoordinator))]
internal sealed partial class DemoCoordinatorJsonContext : JsonSerializerContext;
