using CcapBot.Protocol;
using CcapBot.Protocol.Connector;
using CcapBot.Protocol.Schema;

namespace CcapBot.Hosting;

/// <summary>
/// The benchmark's floor (bench/, "Benchmark:Floor" = true, never in production): the same endpoint,
/// authentication, parsing and one reply through the same Connector client, with the turn pipeline
/// (dialogs, database) taken out. What a turn costs above this is ours.
/// </summary>
internal sealed class BenchmarkFloorProcessor(IConnectorClient connector) : IActivityProcessor
{
    public async Task<InvokeResponse?> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Type == ActivityTypes.Message && activity.ServiceUrl is { } serviceUrl && activity.Conversation?.Id is { } conversationId)
        {
            var reply = activity.CreateReply("floor");
            await (activity.Id is { Length: > 0 } id
                ? connector.ReplyAsync(serviceUrl, conversationId, id, reply, cancellationToken)
                : connector.SendAsync(serviceUrl, conversationId, reply, cancellationToken));
        }
        return null;
    }
}

internal static class BenchmarkFloorExtensions
{
    public static IHostApplicationBuilder AddBenchmarkFloor(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>("Benchmark:Floor"))
            builder.Services.AddSingleton<IActivityProcessor, BenchmarkFloorProcessor>();
        return builder;
    }
}
