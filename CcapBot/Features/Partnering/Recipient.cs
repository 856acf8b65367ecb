using System.Security.Cryptography;
using System.Text;
using CcapBot.Conversations;
using CcapBot.Conversations.Outbox;
using CcapBot.Domain;
using CcapBot.Protocol.Schema;

namespace CcapBot.Features.Partnering;

/// <summary>
/// Someone a partnership card or notice is for: where it goes, in which language and zone, and what they may
/// do on it (answer or agree for their city as a representative; manage as a coordinator).
/// </summary>
public sealed record Recipient
{
    public required OutboxTarget Target { get; init; }
    public required string Language { get; init; }
    /// <summary>The representative they are, if any (active or not: only an active one acts for a city).</summary>
    public Representative? Representative { get; init; }
    public bool IsCoordinator { get; init; }
    /// <summary>Their own zone (their choice, their profile, their Teams client), if known.</summary>
    public TimeZoneInfo? OwnZone { get; init; }

    public string ChannelId => Target.ChannelId;
    public string UserId => Target.UserId ?? "";
    public int? CityId => Representative is { Active: true } r ? r.CityId : null;

    /// <summary>Teams renders Action.Execute and card refresh; other channels get Action.Submit.</summary>
    public bool UniversalActions => Target.ChannelId == Channels.MsTeams;

    /// <summary>
    /// Stable per person and channel, not per conversation: a Teams user first reached without a conversation
    /// (the outbox creates it) must not get a second copy once the conversation is known.
    /// </summary>
    public string Key => KeyFor(Target.ChannelId, UserId);

    public static string KeyFor(string channelId, string userId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(channelId + "|" + userId)))[..20];

    /// <summary>The person acting in this turn, answered in the turn's conversation.</summary>
    public static Recipient ForTurn(TurnContext turn, Access.Actor actor, TimeZoneInfo? ownZone)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(actor);
        return new Recipient
        {
            Target = OutboxTarget.For(turn.Member),
            Language = turn.Language,
            Representative = actor.Representative,
            IsCoordinator = actor.IsCoordinator,
            OwnZone = ownZone,
        };
    }
}
