using System.Security.Cryptography;
using System.Text;
using CcapBot.Conversations.Outbox;
using CcapBot.Domain;
using CcapBot.Protocol.Schema;

namespace CcapBot.Features.Access;

/// <summary>
/// Someone the bot writes to: where the message goes, in which language and zone, when they may be written to, and
/// what they may do on a card (answer or agree for their city as a representative; manage as a coordinator).
/// Found by <see cref="Audience"/>.
/// </summary>
public sealed record Recipient
{
    public required OutboxTarget Target { get; init; }
    public required string Language { get; init; }
    /// <summary>The representative they are, if any (active or not: only an active one acts for a city).</summary>
    public Representative? Representative { get; init; }
    public bool IsCoordinator { get; init; }
    /// <summary>Their own zone (their profile, their choice, what they registered, their client), if known.</summary>
    public TimeZoneInfo? OwnZone { get; init; }
    /// <summary>When they may be written to: their profile's hours and "away until", in their own zone, else their city's, else UTC.</summary>
    public required WorkingHours Hours { get; init; }

    public string ChannelId => Target.ChannelId;
    public string UserId => Target.UserId ?? "";
    public int? CityId => Representative is { Active: true } r ? r.CityId : null;

    /// <summary>Teams renders Action.Execute and card refresh; other channels get Action.Submit.</summary>
    public bool UniversalActions => Target.ChannelId == Channels.MsTeams;

    /// <summary>
    /// Names the person in outbox keys. Stable per person and channel, not per conversation: a Teams user first
    /// reached without a conversation (the outbox creates it) must not get a second copy once the conversation is known.
    /// </summary>
    public string Key => KeyFor(Target.ChannelId, UserId);

    public static string KeyFor(string channelId, string userId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(channelId + "|" + userId)))[..20];
}
