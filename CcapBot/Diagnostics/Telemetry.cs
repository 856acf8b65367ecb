using System.Diagnostics.Metrics;

namespace CcapBot.Diagnostics;

/// <summary>One meter for the service: what operators watch (dotnet-counters, Application Insights).</summary>
public static class Telemetry
{
    public const string Name = "CcapBot";
    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> ActivitiesReceived = Meter.CreateCounter<long>("ccapbot.activities.received");
    public static readonly Counter<long> HandlerErrors = Meter.CreateCounter<long>("ccapbot.turns.failed");
    public static readonly Counter<long> OutboxSent = Meter.CreateCounter<long>("ccapbot.outbox.sent");
    public static readonly Counter<long> OutboxFailed = Meter.CreateCounter<long>("ccapbot.outbox.failed");
}
