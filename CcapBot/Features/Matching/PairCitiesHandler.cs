using System.Globalization;
using System.Text.Json;
using CcapBot.Cards;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Partnering;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Matching;

/// <summary>
/// "pair cities": a coordinator pairs a mentor city with one or more learning cities by hand (approved cities,
/// an area and a purpose). The partnership is confirmed at once and every representative is told; a refused
/// form comes back with the reasons and what was entered.
/// </summary>
public sealed partial class PairCitiesHandler(
    CcapDbContext db, ActorResolver actors, PartnershipCreation creation, CardBinder cards, PartneringText text, ILogger<PairCitiesHandler> log) : IActivityHandler
{
    public const string Template = "pair-cities";

    public static CommandDefinition Command { get; } = new("pairCities");

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var language = turn.Language;
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (!actor.IsCoordinator)
        {
            CardReply.Say(turn, text.Refusal([new RuleViolation(DomainRule.CoordinatorOnly)], language));
            return;
        }
        if (turn.Verb != MatchingVerbs.Pair)
        {
            CardReply.Send(turn, await CardAsync(language, turn.SupportsUniversalActions, CardInputs.Of(null), "", cancellationToken), text.Get(language, "Partnering.Shown"));
            return;
        }
        await PairAsync(turn, actor, CardInputs.Of(turn.SubmitData), cancellationToken);
    }

    private async Task PairAsync(TurnContext turn, Actor actor, CardInputs inputs, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var mentorId = inputs.Number("mentor");
        var learningIds = (inputs.Text("learning") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
        var category = inputs.Text("category") ?? "";
        var wanted = learningIds.Append(mentorId ?? -1).ToList();
        var approved = await db.Cities.AsNoTracking().Where(c => wanted.Contains(c.Id) && c.Status == CityStatus.Approved).Select(c => c.Id).ToListAsync(cancellationToken);
        var knownCategory = await db.ActionCategories.AnyAsync(c => c.Code == category && c.Active, cancellationToken);

        var violations = new List<RuleViolation>();
        if (mentorId is null || learningIds.Count == 0 || wanted.Any(id => !approved.Contains(id))) violations.Add(new(DomainRule.CitiesInvalid));
        if (category.Length > 0 && !knownCategory) violations.Add(new(DomainRule.CategoryRequired));
        Partnership? partnership = null;
        var partnershipActor = actor.ForPartnership();
        var learning = new List<PartnershipMember>();
        foreach (var id in learningIds) learning.Add(new PartnershipMember(id, await OpenApplicationAsync(id, ApplicationKind.Learning, category, cancellationToken)));
        try
        {
            partnership = Partnership.Propose(inputs.Text("purpose") ?? "", category,
                new PartnershipMember(mentorId ?? -1, await OpenApplicationAsync(mentorId, ApplicationKind.Mentor, category, cancellationToken)),
                learning, partnershipActor, turn.Now);
        }
        catch (DomainRuleException e)
        {
            violations.AddRange(e.Violations);
        }
        if (violations.Count == 0 && partnership is not null && await SamePairingAsync(partnership, cancellationToken) is { } existing)
        {
            CardReply.Replace(turn, await CardAsync(language, turn.SupportsUniversalActions, inputs, text.Format(language, "Matching.Pair.Exists", existing), cancellationToken));
            return;
        }
        if (violations.Count > 0 || partnership is null)
        {
            CardReply.Replace(turn, await CardAsync(language, turn.SupportsUniversalActions, inputs, text.Refusal(violations.Distinct(), language), cancellationToken));
            return;
        }

        partnership.Confirm(partnershipActor, turn.Now);
        var created = await creation.CompleteAsync(partnership, actor, "by hand", turn.Now, cancellationToken);
        LogPaired(log, partnership.Id);
        CardReply.Replace(turn, creation.CoordinatorCard(created, language, turn.SupportsUniversalActions));
    }

    /// <summary>The city's open application of this kind in the area, newest first: the partnership remembers where it came from.</summary>
    private async Task<int?> OpenApplicationAsync(int? cityId, ApplicationKind kind, string category, CancellationToken cancellationToken)
    {
        if (cityId is null) return null;
        var candidates = await db.Applications.AsNoTracking()
            .Where(a => a.CityId == cityId && a.Kind == kind && (a.Status == ReviewStatus.Submitted || a.Status == ReviewStatus.Approved))
            .OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id)
            .ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(a => a.Categories.Contains(category))?.Id;
    }

    /// <summary>The same cities already partnered in the same area (and not ended): pairing twice is a mistake, not a new partnership.</summary>
    private async Task<int?> SamePairingAsync(Partnership proposed, CancellationToken cancellationToken)
    {
        var mentor = proposed.MentorCityId;
        var learning = proposed.LearningCityIds.ToList();
        var candidates = await db.Partnerships.AsNoTracking().Include(p => p.Cities)
            .Where(p => p.CategoryCode == proposed.CategoryCode && p.Status != PartnershipStatus.Cancelled && p.Status != PartnershipStatus.Closed
                && p.Cities.Any(c => c.Role == PartnershipRole.Mentor && c.CityId == mentor))
            .ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(p => p.LearningCityIds.Order().SequenceEqual(learning.Order()))?.Id;
    }

    private async Task<JsonElement> CardAsync(string language, bool universalActions, CardInputs entered, string error, CancellationToken cancellationToken)
    {
        var cities = await db.Cities.AsNoTracking().Where(c => c.Status == CityStatus.Approved).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var categories = await db.ActionCategories.AsNoTracking().Where(c => c.Active).OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        var data = new PairCardData
        {
            Title = text.Get(language, "Matching.Pair.Title"),
            Intro = text.Get(language, "Matching.Pair.Intro"),
            Error = error,
            MentorLabel = text.Get(language, "Matching.Pair.Mentor"),
            LearningLabel = text.Get(language, "Matching.Pair.Learning"),
            CategoryLabel = text.Get(language, "Matching.Card.Category"),
            PurposeLabel = text.Get(language, "Matching.Card.Purpose"),
            ChooseLabel = text.Get(language, "Partnering.Choose"),
            Cities = [.. cities.Select(c => new CardOption(text.Format(language, "Partnering.CityChoice", c.Name, c.CountryCode), c.Id.ToString(CultureInfo.InvariantCulture)))],
            Categories = [.. categories.Select(c => new CardOption(c.Name(language), c.Code))],
            Mentor = entered.Text("mentor"),
            Learning = entered.Text("learning"),
            Category = entered.Text("category"),
            Purpose = entered.Text("purpose"),
            CreateLabel = text.Get(language, "Matching.Card.Create"),
        };
        return cards.Bind(Template, data, MatchingCardsJsonContext.Default.PairCardData, universalActions);
    }

    [LoggerMessage(EventId = 7103, Level = LogLevel.Information, Message = "Cities paired by hand: partnership {PartnershipId}")]
    private static partial void LogPaired(ILogger logger, int partnershipId);
}
