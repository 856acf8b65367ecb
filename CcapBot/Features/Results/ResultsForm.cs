using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Conversations.Forms;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Tracking;
using CcapBot.Localization;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Results;

/// <summary>
/// "Record results": a city's results and lessons learned at the end of a partnership, with links to recorded
/// interviews and documents and the consent to publish them on the CCAP knowledge platform. Stored as the city's
/// <see cref="PartnershipResult"/> for its finished partnership (revised if recorded before).
/// </summary>
public sealed partial class ResultsForm(CcapDbContext db, ActorResolver actors, Localizer text) : IForm
{
    public const string Id = "results";

    public static CommandDefinition Command { get; } = new("results", TrackingVerbs.RecordResults);

    public FormDefinition Definition { get; } = new()
    {
        Id = Id,
        Fields =
        [
            Field.LongText("summary", maxLength: PartnershipResult.MaxTextLength),
            Field.LongText("lessons", maxLength: PartnershipResult.MaxTextLength).Optional(),
            Field.LongText("links", maxLength: 4000).Optional().Check(new FieldRule((value, _) => ParseLinks(value.GetString()) is not null, "Form.results.links.Invalid")),
            Field.YesNo("consent"),
        ],
    };

    public async Task<IReadOnlyDictionary<string, JsonElement>> PrefillAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var answers = new Dictionary<string, JsonElement>();
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (actor.CityId is not { } city) return answers;
        var partnership = await FinishedPartnerships.ForResultsAsync(db, city, cancellationToken);
        if (partnership is null) return answers;
        var existing = await db.PartnershipResults.AsNoTracking().FirstOrDefaultAsync(r => r.PartnershipId == partnership.Id && r.CityId == city, cancellationToken);
        if (existing is null)
        {
            // The city's registration said whether its results may be published: the default answer.
            if (await db.Cities.AsNoTracking().Where(c => c.Id == city).Select(c => (bool?)c.ConsentToPublish).FirstOrDefaultAsync(cancellationToken) is { } consent)
                answers["consent"] = JsonSerializer.SerializeToElement(consent, ResultsJsonContext.Default.Boolean);
            return answers;
        }
        answers["summary"] = Json(existing.Summary);
        if (existing.Lessons is { } lessons) answers["lessons"] = Json(lessons);
        if (existing.Links.Count > 0) answers["links"] = Json(string.Join("\n", existing.Links));
        answers["consent"] = JsonSerializer.SerializeToElement(existing.ConsentToPublish, ResultsJsonContext.Default.Boolean);
        return answers;
    }

    public async Task<string> CompleteAsync(TurnContext turn, FormAnswers answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(answers);
        var lang = turn.Language;
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        var partnership = actor.CityId is { } city ? await FinishedPartnerships.ForResultsAsync(db, city, cancellationToken) : null;
        if (partnership is null) return text.Get(lang, "Tracking.Results.NoPartnership");

        var draft = new ResultDraft(answers.Text("summary") ?? "", answers.Text("lessons"), ParseLinks(answers.Text("links")) ?? [], answers.YesNo("consent") ?? false);
        var who = TrackingTurns.For(actor, partnership);
        try
        {
            var existing = await db.PartnershipResults.FirstOrDefaultAsync(r => r.PartnershipId == partnership.Id && r.CityId == actor.CityId, cancellationToken);
            if (existing is null) db.PartnershipResults.Add(PartnershipResult.Record(partnership, who, draft, turn.Now));
            else existing.Revise(partnership, who, draft, turn.Now);
        }
        catch (DomainRuleException)
        {
            return text.Get(lang, "Tracking.Results.Refused");
        }
        Audit.Record(db, actor, turn.Now, "results.record", "Partnership", partnership.Id);
        var labels = await PartnershipLabel.LoadAsync(db, [partnership.Id], cancellationToken);
        return text.Format(lang, draft.ConsentToPublish ? "Tracking.Results.SavedPublish" : "Tracking.Results.Saved", labels.GetValueOrDefault(partnership.Id)?.Name(lang) ?? "");
    }

    /// <summary>Links separated by spaces, commas or new lines; null when one is not an http(s) address or there are too many.</summary>
    internal static IReadOnlyList<string>? ParseLinks(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        var links = LinkSeparator().Split(value).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (links.Count > PartnershipResult.MaxLinks) return null;
        return links.All(l => Uri.TryCreate(l, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && l.Length <= PartnershipResult.MaxLinkLength)
            ? links : null;
    }

    private static JsonElement Json(string value) => JsonSerializer.SerializeToElement(value, ResultsJsonContext.Default.String);

    [GeneratedRegex(@"[\s,;]+")]
    private static partial Regex LinkSeparator();
}
