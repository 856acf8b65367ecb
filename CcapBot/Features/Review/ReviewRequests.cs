using System.Text.Json;
using CcapBot.Conversations.Forms;
using CcapBot.Conversations.Outbox;
using CcapBot.Features.Access;
using CcapBot.Localization;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Review;

/// <summary>
/// Everything a review sends, through the outbox in the caller's unit of work: the review card to every coordinator,
/// each copy replaced in place once the item is decided or withdrawn, and the outcome to the applicant. Each reader
/// gets the card in their own language and time zone.
/// </summary>
public sealed partial class ReviewRequests(
    CcapDbContext db,
    OutboxWriter outbox,
    Audience audience,
    ReviewCards cards,
    TimeProvider clock,
    ILogger<ReviewRequests> log)
{
    /// <summary>Sends the review card to every coordinator the bot can reach; returns how many.</summary>
    public async Task<int> RequestAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reachable = await audience.CoordinatorsAsync(db, cancellationToken);
        if (reachable.Count == 0) LogNobodyToReview(log, item.Subject, item.Id);
        foreach (var contact in reachable) await SendCopyAsync(item, contact, again: null, cancellationToken);
        LogRequested(log, item.Subject, item.Id, reachable.Count);
        return reachable.Count;
    }

    /// <summary>
    /// One coordinator's copy of the review card. <paramref name="again"/> distinguishes a copy asked for later
    /// ("reviews") from the first one in the same conversation; every copy of the round is updated on the decision.
    /// </summary>
    public async Task<bool> SendCopyAsync(ReviewItem item, Recipient contact, string? again, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(contact);
        var card = await cards.ReviewAsync(item, contact.Language, contact.OwnZone ?? TimeZoneInfo.Utc, contact.UniversalActions, cancellationToken);
        var key = $"{item.Topic}:{contact.Key}" + (again is null ? "" : ":" + again);
        return await outbox.EnqueueAsync(db, key, contact.Target, Message(card, contact.Language), clock.GetUtcNow(), item.Topic, cancellationToken);
    }

    /// <summary>Replaces every coordinator's copy of the round's card with its decided (or withdrawn) state, in the copy's language.</summary>
    public async Task CloseAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var topic = item.Topic;
        var copies = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Topic == topic && m.UpdateOfKey == null && m.UpdateActivityId == null)
            .ToListAsync(cancellationToken);
        var conversations = copies.Select(c => c.ConversationId).OfType<string>().Distinct().ToList();
        var members = await db.ConversationMembers.AsNoTracking().Where(m => conversations.Contains(m.ConversationId)).ToListAsync(cancellationToken);
        foreach (var copy in copies)
        {
            var member = members.FirstOrDefault(m => m.ChannelId == copy.ChannelId && m.ConversationId == copy.ConversationId && m.UserId == copy.UserId);
            var language = Languages.Normalize(JsonSerializer.Deserialize(copy.Activity, ProtocolJsonContext.Default.Activity)?.Locale) ?? Languages.English;
            var zone = member is null ? TimeZoneInfo.Utc : ZoneOf(member);
            var card = await cards.ReviewAsync(item, language, zone, copy.ChannelId == Channels.MsTeams, cancellationToken);
            await outbox.EnqueueUpdateOfAsync(db, copy.IdempotencyKey + ":closed", copy.IdempotencyKey, Message(card, language), clock.GetUtcNow(), topic + ":closed", cancellationToken);
        }
        LogClosed(log, item.Subject, item.Id, copies.Count);
    }

    /// <summary>Tells the applicant the decision, in each conversation they last used per channel identity.</summary>
    public async Task<int> NotifyApplicantAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var identities = item.Submitter.Identities.Select(i => i.UserId).ToList();
        var members = (await db.ConversationMembers.AsNoTracking()
                .Where(m => m.Active && !m.IsGroup && identities.Contains(m.UserId))
                .ToListAsync(cancellationToken))
            .Where(m => item.Submitter.Identities.Any(i => i.ChannelId == m.ChannelId && i.UserId == m.UserId))
            .GroupBy(m => (m.ChannelId, m.UserId))
            .Select(g => g.OrderByDescending(m => m.LastSeenAt).First())
            .ToList();
        if (members.Count == 0) LogApplicantUnreachable(log, item.Subject, item.Id);
        foreach (var member in members)
        {
            var language = LanguageOf(member, item.Submitter.PreferredLanguage);
            var card = cards.Outcome(item, language, member.ChannelId == Channels.MsTeams);
            var key = $"review-outcome:{ReviewItem.Name(item.Subject)}:{item.Id}:{item.Round}:{Recipient.KeyFor(member.ChannelId, member.UserId)}";
            await outbox.EnqueueAsync(db, key, OutboxTarget.For(member), Message(card, language), clock.GetUtcNow(), $"review-outcome:{ReviewItem.Name(item.Subject)}:{item.Id}", cancellationToken);
        }
        return members.Count;
    }

    /// <summary>The reader's own choice, then what they told us when registering, then their client's locale.</summary>
    private static string LanguageOf(ConversationMember member, string? preferred)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Languages.Normalize(member.Language) ?? Languages.Resolve(preferred, member.ClientLocale);
    }

    private static TimeZoneInfo ZoneOf(ConversationMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return TimeZones.TryFind(member.TimeZone) ?? TimeZones.TryFind(member.ClientTimeZone) ?? TimeZoneInfo.Utc;
    }

    private static Activity Message(JsonElement card, string language) =>
        new() { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)], Locale = Languages.Culture(language) };

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Review of {Subject} {Id} sent to {Count} coordinator conversation(s)")]
    private static partial void LogRequested(ILogger logger, ReviewSubject subject, int id, int count);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Review of {Subject} {Id}: no coordinator has a conversation with the bot yet; it waits for \"reviews\"")]
    private static partial void LogNobodyToReview(ILogger logger, ReviewSubject subject, int id);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Review cards of {Subject} {Id} closed: {Count} copy(ies) updated")]
    private static partial void LogClosed(ILogger logger, ReviewSubject subject, int id, int count);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Outcome of {Subject} {Id}: the applicant has no active conversation to tell")]
    private static partial void LogApplicantUnreachable(ILogger logger, ReviewSubject subject, int id);
}
