using CcapBot.Conversations;
using CcapBot.Conversations.Forms;
using CcapBot.Conversations.Outbox;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Localization;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CcapBot.Features.Partnering;

/// <summary>
/// Who hears about a partnership and how to reach them: the representatives of its cities (every channel
/// identity they have), coordinators, and whoever holds a copy of a card already.
/// </summary>
public sealed partial class PartnershipAudience(
    CcapDbContext db, ActorResolver actors, IOptions<CoordinatorOptions> coordinators, ILogger<PartnershipAudience> log)
{
    /// <summary>
    /// Active representatives of the cities, in each channel they are known in: their 1:1 conversation with the
    /// bot, or for a Teams user the bot has not talked to yet, a conversation the outbox creates.
    /// </summary>
    public async Task<List<Recipient>> RepresentativesAsync(IReadOnlyCollection<int> cityIds, CancellationToken cancellationToken)
    {
        var representatives = await db.Representatives.AsNoTracking().Include(r => r.Identities)
            .Where(r => r.Active && cityIds.Contains(r.CityId))
            .OrderBy(r => r.CityId).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var identities = representatives.SelectMany(r => r.Identities).ToList();
        var userIds = identities.Select(i => i.UserId).Distinct().ToList();
        var aadIds = identities.Select(i => i.AadObjectId).OfType<string>().Distinct().ToList();
        var members = await db.ConversationMembers.AsNoTracking()
            .Where(m => m.Active && !m.IsGroup && (userIds.Contains(m.UserId) || (m.AadObjectId != null && aadIds.Contains(m.AadObjectId))))
            .ToListAsync(cancellationToken);
        var teamsHome = identities.Any(i => i.ChannelId == Channels.MsTeams) ? await TeamsHomeAsync(cancellationToken) : null;

        var recipients = new List<Recipient>();
        foreach (var representative in representatives)
        {
            foreach (var identity in representative.Identities.OrderBy(i => i.Id))
            {
                var member = members
                    .Where(m => m.ChannelId == identity.ChannelId && (m.UserId == identity.UserId || (identity.AadObjectId is not null && m.AadObjectId == identity.AadObjectId)))
                    .OrderByDescending(m => m.UserId == identity.UserId)
                    .ThenByDescending(m => m.LastSeenAt)
                    .FirstOrDefault();
                OutboxTarget target;
                if (member is not null)
                {
                    target = OutboxTarget.For(member);
                }
                else if (identity.ChannelId == Channels.MsTeams && teamsHome is { TenantId: { } tenant })
                {
                    // The bot is single-tenant: a colleague's last Teams turn tells where the tenant's service is.
                    target = OutboxTarget.TeamsUser(teamsHome.ServiceUrl, teamsHome.BotId, identity.UserId, tenant, representative.Name);
                }
                else
                {
                    LogUnreachable(log, representative.Id, identity.ChannelId);
                    continue;
                }
                recipients.Add(new Recipient
                {
                    Target = target,
                    Language = LanguageOf(member, representative),
                    Representative = representative,
                    OwnZone = TimeZones.TryFind(member?.TimeZone) ?? TimeZones.TryFind(member?.ClientTimeZone) ?? TimeZones.TryFind(representative.TimeZone),
                });
            }
        }
        return [.. recipients.DistinctBy(r => r.Key)];
    }

    /// <summary>
    /// Every coordinator the bot can reach: configured or granted identities (Teams aadObjectId or channel user id; a
    /// typed email proves nothing) with a 1:1 conversation, the latest per person.
    /// </summary>
    public async Task<List<Recipient>> CoordinatorsAsync(CancellationToken cancellationToken)
    {
        var granted = await db.CoordinatorGrants.AsNoTracking().Where(g => g.RevokedAt == null).Select(g => g.Identity).ToListAsync(cancellationToken);
        // Ids and GUIDs may be configured in another case than the channel sends them.
        var identities = coordinators.Value.Identities.Concat(granted).Where(i => i.Length > 0)
            .SelectMany(i => new[] { i.Trim(), i.Trim().ToLowerInvariant(), i.Trim().ToUpperInvariant() }).Distinct(StringComparer.Ordinal).ToList();
        if (identities.Count == 0) return [];
        var members = await db.ConversationMembers.AsNoTracking()
            .Where(m => m.Active && !m.IsGroup && (identities.Contains(m.UserId) || (m.AadObjectId != null && identities.Contains(m.AadObjectId))))
            .ToListAsync(cancellationToken);
        return [.. members
            .GroupBy(m => (m.ChannelId, m.UserId))
            .Select(g => g.OrderByDescending(m => m.LastSeenAt).First())
            .OrderBy(m => m.ChannelId, StringComparer.Ordinal).ThenBy(m => m.UserId, StringComparer.Ordinal)
            .Select(m => new Recipient
            {
                Target = OutboxTarget.For(m),
                Language = LanguageOf(m, null),
                IsCoordinator = true,
                OwnZone = TimeZones.TryFind(m.TimeZone) ?? TimeZones.TryFind(m.ClientTimeZone),
            })];
    }

    /// <summary>Whoever was sent a copy earlier (a coordinator, or a representative since gone), as they are now.</summary>
    public async Task<Recipient> ForCopyAsync(OutboxTarget sentTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sentTo);
        var userId = sentTo.UserId ?? "";
        var member = await db.ConversationMembers.AsNoTracking()
            .Where(m => m.ChannelId == sentTo.ChannelId && m.UserId == userId && (sentTo.ConversationId == null || m.ConversationId == sentTo.ConversationId))
            .OrderByDescending(m => m.LastSeenAt)
            .FirstOrDefaultAsync(cancellationToken);
        var representative = await actors.FindRepresentativeAsync(sentTo.ChannelId, userId, member?.AadObjectId, cancellationToken);
        return new Recipient
        {
            Target = sentTo,
            Language = LanguageOf(member, representative),
            Representative = representative,
            // Not the representative's email: people type it themselves when they register, so it proves nothing.
            IsCoordinator = await actors.IsCoordinatorAsync(userId, member?.AadObjectId, email: null, cancellationToken),
            OwnZone = TimeZones.TryFind(member?.TimeZone) ?? TimeZones.TryFind(member?.ClientTimeZone),
        };
    }

    /// <summary>The person acting in this turn, with their own zone: their choice, their profile, their Teams client.</summary>
    public async Task<Recipient> ForTurnAsync(TurnContext turn, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var member = turn.Member;
        var zone = TimeZones.TryFind(member.TimeZone);
        if (zone is null)
        {
            var profileZone = await db.UserProfiles.AsNoTracking()
                .Where(p => p.ChannelId == member.ChannelId && p.UserId == member.UserId).Select(p => p.TimeZone).FirstOrDefaultAsync(cancellationToken);
            zone = TimeZones.TryFind(profileZone) ?? TimeZones.TryFind(member.ClientTimeZone);
        }
        return Recipient.ForTurn(turn, actor, zone);
    }

    private static string LanguageOf(ConversationMember? member, Representative? representative) =>
        Languages.Normalize(member?.Language) ?? Languages.Normalize(representative?.PreferredLanguage) ?? Languages.Resolve(null, member?.ClientLocale);

    private Task<ConversationMember?> TeamsHomeAsync(CancellationToken cancellationToken) =>
        db.ConversationMembers.AsNoTracking()
            .Where(m => m.ChannelId == Channels.MsTeams && m.Active && m.TenantId != null)
            .OrderByDescending(m => m.LastSeenAt)
            .FirstOrDefaultAsync(cancellationToken);

    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "Representative {RepresentativeId} has no conversation on {ChannelId} the bot can write to")]
    private static partial void LogUnreachable(ILogger logger, int representativeId, string channelId);
}
