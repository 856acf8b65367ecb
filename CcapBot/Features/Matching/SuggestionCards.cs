using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CcapBot.Cards;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Partnering;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Matching;

/// <summary>
/// The mentor suggestions card for a learning application, for coordinators: the best open candidates with
/// their score and a reason per factor in the reader's language, what was decided, and Confirm / Reject.
/// Copies sent to coordinators are updated in place when one of them decides.
/// </summary>
public sealed partial class SuggestionCards(
    MentorSuggestions suggestions, Audience audience, CardCopies copies, CardBinder cards, PartneringText text, MatchReasonText reasons,
    ILogger<SuggestionCards> log)
{
    /// <summary>Open candidates shown (decided ones are shown besides, for the record).</summary>
    public const int OpenShown = 5;
    public const string Template = "match-suggestions";

    public static string Topic(int applicationId) => $"suggestions:{applicationId}";

    /// <summary>
    /// Ranks mentors for a learning application and sends the suggestions card to every coordinator the bot can reach
    /// (through the outbox, each in their language) as part of <paramref name="db"/>'s unit of work: the caller commits
    /// it (a turn does). Registration calls this when it approves a learning application.
    /// </summary>
    /// <returns>How many coordinators were sent the card; 0 when it is not an open learning application or none is reachable.</returns>
    public async Task<int> SendAsync(CcapDbContext db, int applicationId, CancellationToken cancellationToken)
    {
        await suggestions.RefreshAsync(applicationId, cancellationToken);
        if (await SuggestionView.LoadAsync(db, applicationId, cancellationToken) is not { } view) return 0;
        var coordinators = await audience.CoordinatorsAsync(db, cancellationToken);
        // They see it when they ask ("suggest mentors"); nobody is lost, but someone should know why no card came.
        if (coordinators.Count == 0) LogNoCoordinator(log, applicationId);
        return await PublishAsync(db, view, coordinators, cancellationToken);
    }

    /// <summary>The card for <paramref name="reader"/>, ranking again first when <paramref name="rank"/>; null when there is no such learning application.</summary>
    public async Task<JsonElement?> CardAsync(CcapDbContext db, int applicationId, Recipient reader, bool rank, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (rank) await suggestions.RefreshAsync(applicationId, cancellationToken);
        return await SuggestionView.LoadAsync(db, applicationId, cancellationToken) is { } view ? Render(view, reader.Language, reader.UniversalActions) : null;
    }

    /// <summary>After a decision: every copy coordinators were sent shows it.</summary>
    public async Task UpdateCopiesAsync(CcapDbContext db, int applicationId, CancellationToken cancellationToken)
    {
        if (await SuggestionView.LoadAsync(db, applicationId, cancellationToken) is { } view) await PublishAsync(db, view, [], cancellationToken);
    }

    private Task<int> PublishAsync(CcapDbContext db, SuggestionView view, IEnumerable<Recipient> recipients, CancellationToken cancellationToken) =>
        copies.PublishAsync(db, Topic(view.Application.Id), view.Fingerprint, recipients,
            (r, _) => (Render(view, r.Language, r.UniversalActions), text.Format(r.Language, "Matching.Card.Title", view.City.Name)), cancellationToken);

    internal JsonElement Render(SuggestionView view, string language, bool universalActions)
    {
        var application = view.Application;
        var categoryNames = application.Categories.Select(code => view.CategoryName(code, language)).ToList();
        var open = view.Rows.Where(r => r.Suggestion.Status == MatchSuggestionStatus.Suggested).OrderBy(r => r.Suggestion.Rank).Take(OpenShown);
        var shown = view.Rows.Where(r => r.Suggestion.Status == MatchSuggestionStatus.Confirmed)
            .Concat(open)
            .Concat(view.Rows.Where(r => r.Suggestion.Status == MatchSuggestionStatus.Rejected).OrderBy(r => r.Suggestion.Rank))
            .ToList();
        var confirmed = view.Rows.FirstOrDefault(r => r.Suggestion.Status == MatchSuggestionStatus.Confirmed && r.Suggestion.PartnershipId == view.PartnershipId);
        var data = new SuggestionCardData
        {
            Title = text.Format(language, "Matching.Card.Title", view.City.Name),
            Intro = text.Format(language, "Matching.Card.Intro", application.Id, string.Join(", ", categoryNames), Period(application, language)),
            Status = view.PartnershipId is { } pid
                ? text.Format(language, "Matching.Card.Partnered", pid, confirmed?.Candidate.Name ?? "")
                : "",
            StatusColor = "Good",
            Candidates = [.. shown.Select(r => Candidate(view, r, language))],
            Empty = shown.Count == 0 ? text.Get(language, "Matching.Card.Empty") : "",
            Categories = [.. application.Categories.Select(code => new CardOption(view.CategoryName(code, language), code))],
            ConfirmLabel = text.Get(language, "Matching.Card.Confirm"),
            PurposeLabel = text.Get(language, "Matching.Card.Purpose"),
            CategoryLabel = text.Get(language, "Matching.Card.Category"),
            CreateLabel = text.Get(language, "Matching.Card.Create"),
            RejectLabel = text.Get(language, "Matching.Card.Reject"),
            ReasonLabel = text.Get(language, "Matching.Card.Reason"),
            RejectSendLabel = text.Get(language, "Matching.Card.RejectSend"),
            PairLabel = text.Get(language, "Matching.Card.PairByHand"),
            RefreshLabel = text.Get(language, "Matching.Card.Refresh"),
            Application = application.Id,
        };
        return cards.Bind(Template, data, MatchingCardsJsonContext.Default.SuggestionCardData, universalActions);
    }

    private CandidateCardData Candidate(SuggestionView view, SuggestionRow row, string language)
    {
        var s = row.Suggestion;
        var factors = MatchBreakdown.Deserialize(s.Breakdown).OrderBy(f => f.Factor).ToList();
        var shared = factors.Select(f => f.Reason).OfType<ObjectivesReason>().FirstOrDefault()?.SharedCategories ?? [];
        return new CandidateCardData
        {
            Heading = text.Format(language, "Matching.Card.Heading", s.Rank, row.Candidate.Name, row.Candidate.CountryCode),
            Score = text.Format(language, "Matching.Card.Score", s.Score),
            Offer = s.MentorApplicationId is { } offer ? text.Format(language, "Matching.Card.Offer", offer) : text.Get(language, "Matching.Card.NoOffer"),
            Reasons = [.. factors.Select(f => new CardFact(reasons.FactorName(f.Factor, language), reasons.Describe(f.Reason, language)))],
            Decision = s.Status switch
            {
                MatchSuggestionStatus.Confirmed => text.Format(language, "Matching.Card.Confirmed", s.PartnershipId),
                MatchSuggestionStatus.Rejected => text.Format(language, "Matching.Card.Rejected", s.Reason),
                _ => "",
            },
            DecisionColor = s.Status == MatchSuggestionStatus.Confirmed ? "Good" : "Attention",
            CanDecide = s.Status == MatchSuggestionStatus.Suggested && view.PartnershipId is null,
            Suggestion = s.Id,
            PurposeId = PurposeInput(s.Id),
            Purpose = DefaultPurpose(view, language),
            CategoryId = CategoryInput(s.Id),
            Category = shared.FirstOrDefault(view.Application.Categories.Contains) ?? view.Application.Categories.FirstOrDefault() ?? "",
            ReasonId = ReasonInput(s.Id),
        };
    }

    public static string PurposeInput(int suggestionId) => "purpose_" + suggestionId.ToString(CultureInfo.InvariantCulture);
    public static string CategoryInput(int suggestionId) => "category_" + suggestionId.ToString(CultureInfo.InvariantCulture);
    public static string ReasonInput(int suggestionId) => "reason_" + suggestionId.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the partnership is for, as the application put it: its areas and the specific actions sought.</summary>
    internal string DefaultPurpose(SuggestionView view, string language)
    {
        var areas = string.Join(", ", view.Application.Categories.Select(code => view.CategoryName(code, language)));
        var actions = view.Actions.Select(a => a.Title(language)).ToList();
        var purpose = actions.Count > 0
            ? text.Format(language, "Matching.Card.PurposeWithActions", view.City.Name, areas, string.Join("; ", actions))
            : text.Format(language, "Matching.Card.PurposeDefault", view.City.Name, areas);
        if (view.Application.OtherNeeds is { Length: > 0 } other) purpose += " — " + other;
        return purpose.Length <= Partnership.MaxPurposeLength ? purpose : purpose[..(Partnership.MaxPurposeLength - 1)] + "…";
    }

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "No coordinator can be reached for the mentor suggestions of application {ApplicationId}")]
    private static partial void LogNoCoordinator(ILogger logger, int applicationId);

    private string Period(Application application, string language)
    {
        var culture = CultureInfo.GetCultureInfo(text.Culture(language));
        var format = text.Get(language, "Partnering.Format.Month");
        return application.PeriodStart.ToString(format, culture) + " – " + application.PeriodEnd.ToString(format, culture);
    }
}

/// <summary>What the suggestions card shows: the application, its city, every suggestion kept for it, and its partnership if one was made.</summary>
internal sealed record SuggestionView(
    Application Application, City City, IReadOnlyList<SuggestionRow> Rows, IReadOnlyDictionary<string, ActionCategory> Categories,
    IReadOnlyList<TemplateActivity> Actions, int? PartnershipId)
{
    public static async Task<SuggestionView?> LoadAsync(CcapDbContext db, int applicationId, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.City)
            .SingleOrDefaultAsync(a => a.Id == applicationId && a.Kind == ApplicationKind.Learning, cancellationToken);
        if (application?.City is not { } city) return null;
        // Tracked: a decision made in this turn but not yet saved shows as it will be.
        var stored = await db.MatchSuggestions.Where(s => s.LearningApplicationId == applicationId).ToListAsync(cancellationToken);
        var candidateIds = stored.Select(s => s.CandidateCityId).ToList();
        var candidates = await db.Cities.AsNoTracking().Where(c => candidateIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var categories = await db.ActionCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var actionIds = application.SpecificActions;
        var actions = await db.TemplateActivities.AsNoTracking().Where(a => actionIds.Contains(a.Id)).OrderBy(a => a.TemplateId).ThenBy(a => a.Order).ToListAsync(cancellationToken);
        var partnershipId = await LivePartnershipAsync(db, applicationId, cancellationToken);
        var rows = stored.Where(s => candidates.ContainsKey(s.CandidateCityId)).Select(s => new SuggestionRow(s, candidates[s.CandidateCityId])).ToList();
        return new SuggestionView(application, city, rows, categories, actions, partnershipId);
    }

    /// <summary>The partnership (not cancelled or closed) this learning application is in, if any.</summary>
    public static Task<int?> LivePartnershipAsync(CcapDbContext db, int applicationId, CancellationToken cancellationToken) =>
        db.Partnerships.AsNoTracking()
            .Where(p => p.Status != PartnershipStatus.Cancelled && p.Status != PartnershipStatus.Closed
                && p.Cities.Any(c => c.Role == PartnershipRole.Learning && c.ApplicationId == applicationId))
            .OrderBy(p => p.Id)
            .Select(p => (int?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public string CategoryName(string code, string language) => Categories.TryGetValue(code, out var category) ? category.Name(language) : code;

    /// <summary>Changes whenever what the card shows does (scores, ranks, decisions), so copies are updated once per change.</summary>
    public string Fingerprint
    {
        get
        {
            var state = string.Join(";", Rows.OrderBy(r => r.Suggestion.Id).Select(r =>
                FormattableString.Invariant($"{r.Suggestion.Id}:{r.Suggestion.Status}:{r.Suggestion.Rank}:{r.Suggestion.Score}:{r.Suggestion.PartnershipId}")));
            return "s" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state + "|" + PartnershipId)))[..16];
        }
    }
}

internal sealed record SuggestionRow(MatchSuggestion Suggestion, City Candidate);
