using System.Security.Cryptography;
using System.Text;
using CcapBot.Conversations.Outbox;
using CcapBot.Features.Access;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CcapBot.Features.Review;

/// <summary>
/// Where coordinators can be reached: their configured or granted identities matched to what the bot knows of them.
/// <list type="bullet">
/// <item>A 1:1 conversation they had with the bot (Teams or web chat): the latest one per channel identity.</item>
/// <item>A Teams user seen only in a group chat or team: the outbox opens a 1:1 conversation with them (their Teams user
/// id, tenant and serviceUrl are known from that conversation). Review cards never go into the group itself.</item>
/// <item>Someone the bot has never seen: unreachable. The configuration gives an aadObjectId, email or web chat id, not
/// the Teams user id and tenant a new conversation needs; they are counted (and logged) and see every waiting review
/// when they first type "reviews".</item>
/// </list>
/// </summary>
public sealed class Coordinators(CcapDbContext db, IOptions<CoordinatorOptions> options, IHostEnvironment environment)
{
    /// <summary>Every coordinator identity: configured, the development demo identity, and active grants.</summary>
    public async Task<IReadOnlyList<string>> IdentitiesAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var granted = await db.CoordinatorGrants.AsNoTracking().Where(g => g.RevokedAt == null).Select(g => g.Identity).ToListAsync(cancellationToken);
        IEnumerable<string> all = settings.Identities.Concat(granted);
        if (environment.IsDevelopment() && settings.DemoIdentity is { Length: > 0 } demo) all = all.Append(demo);
        return [.. all.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<(IReadOnlyList<CoordinatorContact> Reachable, int Unreachable)> ContactsAsync(CancellationToken cancellationToken)
    {
        var identities = await IdentitiesAsync(cancellationToken);
        // Ids and GUIDs may be configured in another case than the channel sends them.
        List<string> variants = [.. identities.SelectMany(i => new[] { i, i.ToLowerInvariant(), i.ToUpperInvariant() }).Distinct(StringComparer.Ordinal)];
        var members = await db.ConversationMembers.AsNoTracking()
            .Where(m => m.Active && (variants.Contains(m.UserId) || (m.AadObjectId != null && variants.Contains(m.AadObjectId))))
            .ToListAsync(cancellationToken);

        var personal = members.Where(m => !m.IsGroup)
            .GroupBy(m => (m.ChannelId, m.UserId))
            .Select(g => g.OrderByDescending(m => m.LastSeenAt).First())
            .ToList();
        var teamsOnlyInGroups = members
            .Where(m => m.IsGroup && m.ChannelId == Channels.MsTeams && m.TenantId is { Length: > 0 }
                && !personal.Any(p => p.ChannelId == Channels.MsTeams && p.UserId == m.UserId))
            .GroupBy(m => m.UserId)
            .Select(g => g.OrderByDescending(m => m.LastSeenAt).First())
            .ToList();
        var contacts = personal.Select(CoordinatorContact.Of)
            .Concat(teamsOnlyInGroups.Select(m => CoordinatorContact.Of(m) with
            {
                Target = OutboxTarget.TeamsUser(m.ServiceUrl, m.BotId, m.UserId, m.TenantId!, m.UserName),
                Key = Hash($"{Channels.MsTeams}|user|{m.UserId}"),
            }))
            .OrderBy(c => c.Target.ChannelId, StringComparer.Ordinal).ThenBy(c => c.Target.UserId, StringComparer.Ordinal)
            .ToList();
        var reached = personal.Concat(teamsOnlyInGroups).ToList();
        var unreachable = identities.Count(i => !reached.Any(m => string.Equals(m.UserId, i, StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.AadObjectId, i, StringComparison.OrdinalIgnoreCase)));
        return (contacts, unreachable);
    }

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}

/// <summary>
/// One way to reach a coordinator: where the outbox sends, in which language and time zone the card is written,
/// and a short stable name of the destination for outbox keys.
/// </summary>
public sealed record CoordinatorContact(OutboxTarget Target, string Language, TimeZoneInfo Zone, string Key)
{
    /// <summary>The conversation of a stored member (as last refreshed by a turn).</summary>
    public static CoordinatorContact Of(ConversationMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new(OutboxTarget.For(member), ReviewRequests.LanguageOf(member, null), ReviewRequests.ZoneOf(member),
            Coordinators.Hash($"{member.ChannelId}|{member.ConversationId}|{member.UserId}"));
    }
}
