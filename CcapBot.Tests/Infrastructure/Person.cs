using CcapBot.Protocol.Schema;

namespace CcapBot.Tests.Infrastructure;

/// <summary>
/// Someone who talks to the bot: a user id on a channel, in one conversation with it. Seeded people also know where
/// they live (<see cref="TimeZone"/>) and which city they represent.
/// </summary>
public sealed record Person(string UserId, string ConversationId)
{
    public string ChannelId { get; init; } = Channels.MsTeams;
    public string ConversationType { get; init; } = "personal";
    public string Name { get; init; } = "Nguyen Van A";
    /// <summary>The Teams aadObjectId; "aad-" + <see cref="UserId"/> when not given.</summary>
    public string? AadObjectId { get; init; }
    public string TimeZone { get; init; } = "UTC";
    public int? RepresentativeId { get; init; }
    public int? CityId { get; init; }

    /// <summary>A Teams user in their 1:1 chat with the bot ("29:lan" talks in "a:lan").</summary>
    public static Person Teams(string userId, string? name = null, string? aadObjectId = null) =>
        new(userId, "a:" + (userId.StartsWith("29:", StringComparison.Ordinal) ? userId[3..] : userId)) { Name = name ?? "Nguyen Van A", AadObjectId = aadObjectId };
}
