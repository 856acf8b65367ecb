using CcapBot.Persistence;
using CcapBot.Protocol.Schema;

namespace CcapBot.Conversations.Outbox;

/// <summary>
/// Where an outbox message goes: an existing conversation (a stored <see cref="ConversationMember"/>), or a Teams
/// user the bot has no 1:1 conversation with yet (the worker creates it, stores it, then sends).
/// </summary>
public sealed record OutboxTarget
{
    public required string ChannelId { get; init; }
    public required string ServiceUrl { get; init; }
    public required string BotId { get; init; }
    public string? BotName { get; init; }
    /// <summary>Null: create a Teams 1:1 conversation with <see cref="UserId"/> in <see cref="TenantId"/> first.</summary>
    public string? ConversationId { get; init; }
    public string? UserId { get; init; }
    public string? UserName { get; init; }
    public string? TenantId { get; init; }

    /// <summary>The conversation of a stored member: its reference as last refreshed by a turn.</summary>
    public static OutboxTarget For(ConversationMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new()
        {
            ChannelId = member.ChannelId,
            ServiceUrl = member.ServiceUrl,
            BotId = member.BotId,
            BotName = member.BotName,
            ConversationId = member.ConversationId,
            UserId = member.UserId,
            UserName = member.UserName,
            TenantId = member.TenantId,
        };
    }

    /// <summary>
    /// A Teams user (id "29:…") the bot has not talked with 1:1. The app must be installed for the user (or in a
    /// team they belong to); the tenant is required by Teams.
    /// </summary>
    public static OutboxTarget TeamsUser(string serviceUrl, string botId, string userId, string tenantId, string? userName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return new() { ChannelId = Channels.MsTeams, ServiceUrl = serviceUrl, BotId = botId, UserId = userId, UserName = userName, TenantId = tenantId };
    }
}
