using System.Globalization;
using System.Text.Json;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Conversations.Forms;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Review;
using CcapBot.Localization;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Applications;

/// <summary>
/// A C3 application (DESIGN §1 step 2): a learning city's request, or a mentor city's offer. Areas come from the
/// action categories and specific actions from their reviewed templates (data, in the user's language), with free
/// text for anything else; the period runs from this month on and ends after it starts. Only a representative of
/// an approved city may apply. Submitting sends the review card to every coordinator; a returned application
/// reopens here, prefilled, from the outcome card's "Edit and resubmit".
/// </summary>
public sealed class ApplicationForm(CcapDbContext db, ActorResolver actors, ReviewRequests reviews, Localizer text) : IForm
{
    public const string Id = "application";
    public const string CommandId = "apply";
    public const string Learning = "learning";
    public const string Mentor = "mentor";
    /// <summary>Card data of an outcome or status button: the returned application to correct.</summary>
    public const string ResubmitKey = "resubmit";
    /// <summary>Card data of a button: the kind to start with.</summary>
    public const string KindKey = "kind";

    /// <summary>The "replaces" answer of a new application (not a correction).</summary>
    public const string NewApplication = "new";

    public static CommandDefinition Command { get; } = new(CommandId);

    public FormDefinition Definition { get; private set; } = Build(ActionCatalog.Empty);

    /// <summary>
    /// The form over the given categories and activities; also shows an application on its review card.
    /// <paramref name="corrections"/>: the city's returned applications this one may correct (none: not asked).
    /// </summary>
    public static FormDefinition Build(ActionCatalog catalog, Corrections? corrections = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        corrections ??= Corrections.None;
        var learning = FieldCondition.Is("kind", Learning);
        return new FormDefinition
        {
            Id = Id,
            Fields =
            [
                Field.Choice("replaces", [NewApplication, .. corrections.Values]).When(new Constant(corrections.Values.Count > 0)).WithOptions(corrections.Options),
                Field.Choice("kind", Learning, Mentor),
                Field.MultiChoice("categories", false, [.. catalog.Categories.Select(c => c.Code)])
                    .WithOptions(context => catalog.CategoryOptions(context.Language, context.Answers.List("categories"))),
                Field.MultiChoice("actions", false, [.. catalog.Activities.Select(a => a.Value)]).Optional()
                    .When(new AnyChosen("categories", catalog.CategoriesWithActivities))
                    .WithOptions(context => catalog.ActivityOptions(context.Language, context.Answers.List("categories"), context.Answers.List("actions"))),
                Field.LongText("otherNeeds", maxLength: 1000).Optional(),
                Field.Month("periodStart").Check(new FieldRule((value, context) => Month(value) >= FirstOfMonth(context.Today), "Form.application.periodStart.Past"))
                    with { MonthsBack = 0, MonthsAhead = 24 },
                Field.Month("periodEnd").Check(new FieldRule((value, context) => context.Answers.Month("periodStart") is not { } start || Month(value) > start, "Form.application.periodEnd.NotAfterStart"))
                    with { MonthsBack = 0, MonthsAhead = 48 },
                Field.MultiChoice("ways", false, [.. WaysOfWorking.All]),
                Field.MultiChoice("contributions", true, [.. Contributions.All]).When(learning),
                Field.WholeNumber("staffHours", 0, 1000).Optional(),
                Field.WholeNumber("capacity", 1, 10).When(FieldCondition.Is("kind", Mentor)),
                Field.LongText("constraints", maxLength: 1000).Optional(),
            ],
            Rules =
            [
                new FormRule(a => !a.List("categories").Contains(ActionCategory.Other) || a.Has("otherNeeds"), "otherNeeds", "Form.application.otherNeeds.RequiredForOther"),
                new FormRule(a => a.Month("periodStart") is not { } start || a.Month("periodEnd") is not { } end || end > start, "periodEnd", "Form.application.periodEnd.NotAfterStart"),
            ],
        };
    }

    public async Task<string?> RefuseStartAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        return actor.Representative switch
        {
            null => text.Get(turn.Language, "Application.NotRegistered"),
            { Active: false } or { City.Status: not CityStatus.Approved } => text.Format(turn.Language, "Application.NotApproved", actor.Representative.City?.Name),
            _ => null,
        };
    }

    public async Task PrepareAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        var returned = actor.CityId is { } cityId
            ? await db.Applications.AsNoTracking().Where(a => a.CityId == cityId && a.Status == ReviewStatus.Returned).OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.Kind, a.Categories }).ToListAsync(cancellationToken)
            : [];
        var catalog = await ActionCatalog.LoadAsync(db, cancellationToken);
        var corrections = new Corrections(
            [.. returned.Select(a => a.Id.ToString(CultureInfo.InvariantCulture))],
            context => [new FieldOption(NewApplication, text.Get(context.Language, "Application.Replaces.New"), [NewApplication]),
                .. returned.Select(a => new FieldOption(a.Id.ToString(CultureInfo.InvariantCulture),
                    text.Format(context.Language, "Application.Replaces.Returned", a.Id, text.Get(context.Language, a.Kind == ApplicationKind.Mentor ? "Review.Kind.Mentor" : "Review.Kind.Learning"),
                        string.Join(", ", a.Categories.Select(c => catalog.CategoryName(c, context.Language)))),
                    [a.Id.ToString(CultureInfo.InvariantCulture)]))]);
        Definition = Build(catalog, corrections);
    }

    public async Task<IReadOnlyDictionary<string, JsonElement>> PrefillAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        var data = turn.SubmitData is { ValueKind: JsonValueKind.Object } d ? d : default;
        if (IntOf(data, ResubmitKey) is { } id && actor.CityId is { } cityId
            && await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.CityId == cityId && a.Status == ReviewStatus.Returned, cancellationToken) is { } returned)
        {
            var correction = AnswersOf(returned);
            Answer.Set(correction, "replaces", returned.Id.ToString(CultureInfo.InvariantCulture));
            return correction;
        }

        var answers = new Dictionary<string, JsonElement>();
        var kind = StringOf(data, KindKey) ?? (actor.Representative?.City?.RoleInterest switch { CityRole.Learning => Learning, CityRole.Mentor => Mentor, _ => null });
        if (kind is Learning or Mentor) Answer.Set(answers, "kind", kind);
        return answers;
    }

    /// <summary>A stored application as the answers of this form (prefill of a correction; facts of the review card).</summary>
    public static Dictionary<string, JsonElement> AnswersOf(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var answers = new Dictionary<string, JsonElement>();
        Answer.Set(answers, "kind", application.Kind == ApplicationKind.Mentor ? Mentor : Learning);
        Answer.Set(answers, "categories", application.Categories);
        Answer.Set(answers, "actions", application.SpecificActions.Select(a => a.ToString(CultureInfo.InvariantCulture)));
        Answer.Set(answers, "otherNeeds", application.OtherNeeds);
        Answer.SetMonth(answers, "periodStart", application.PeriodStart);
        Answer.SetMonth(answers, "periodEnd", application.PeriodEnd);
        Answer.Set(answers, "ways", application.WaysOfWorking);
        if (application.Kind == ApplicationKind.Learning) Answer.Set(answers, "contributions", application.Contributions);
        Answer.Set(answers, "staffHours", application.StaffHoursPerMonth);
        if (application.Kind == ApplicationKind.Mentor) Answer.Set(answers, "capacity", application.Capacity);
        Answer.Set(answers, "constraints", application.Constraints);
        return answers;
    }

    public async Task<string> CompleteAsync(TurnContext turn, FormAnswers answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(answers);
        var language = turn.Language;
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        // Re-checked: the city's standing may have changed since the form started.
        if (await RefuseStartAsync(turn, cancellationToken) is { } refusal) return refusal;
        var representative = actor.Representative!;
        var city = representative.City!;

        // A correction of a returned application is the same application, sent again for review.
        var replaces = int.TryParse(answers.Text("replaces"), NumberStyles.None, CultureInfo.InvariantCulture, out var replacedId) ? replacedId : (int?)null;
        var application = replaces is { } rid
            ? await db.Applications.FirstOrDefaultAsync(a => a.Id == rid && a.CityId == city.Id && a.Status == ReviewStatus.Returned, cancellationToken)
            : null;
        var resubmitted = application is not null;
        application ??= db.Applications.Add(new Application { CityId = city.Id }).Entity;
        var kind = answers.Text("kind") == Mentor ? ApplicationKind.Mentor : ApplicationKind.Learning;
        application.Kind = kind;
        application.Categories = [.. answers.List("categories")];
        application.SpecificActions = [.. answers.List("actions").Select(a => int.Parse(a, CultureInfo.InvariantCulture))];
        application.OtherNeeds = answers.Text("otherNeeds")?.Trim();
        application.PeriodStart = answers.Month("periodStart")!.Value;
        application.PeriodEnd = answers.Month("periodEnd")!.Value;
        application.WaysOfWorking = [.. answers.List("ways")];
        application.Contributions = kind == ApplicationKind.Learning ? [.. answers.List("contributions")] : [];
        application.StaffHoursPerMonth = answers.Number("staffHours") is { } hours ? (int)hours : null;
        application.Capacity = kind == ApplicationKind.Mentor && answers.Number("capacity") is { } capacity ? (int)capacity : null;
        application.Constraints = answers.Text("constraints")?.Trim();
        application.Status = ReviewStatus.Submitted;
        application.SubmittedByRepresentativeId = representative.Id;
        application.SubmittedAt = turn.Now;
        application.ReviewedBy = null;
        application.ReviewedAt = null;
        application.Reason = null;

        await TurnSave.SaveForIdsAsync(db, cancellationToken);
        Audit.Record(db, actor, turn.Now, resubmitted ? "application.resubmitted" : "application.submitted", nameof(Application), application.Id,
            AuditDetails.Of(("kind", kind.ToString()), ("cityId", city.Id.ToString(CultureInfo.InvariantCulture)), ("categories", string.Join(",", application.Categories))));
        await db.Entry(representative).Collection(r => r.Identities).LoadAsync(cancellationToken);
        await reviews.RequestAsync(ReviewItem.Of(application, city, representative), cancellationToken);

        var what = text.Get(language, kind == ApplicationKind.Mentor ? "Review.Kind.Mentor" : "Review.Kind.Learning");
        return text.Format(language, resubmitted ? "Application.Sent.Again" : "Application.Sent", what, city.Name, application.Id);

    }

    private static DateOnly Month(JsonElement value) => DateOnly.ParseExact(value.GetString()! + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    private static string? StringOf(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? IntOf(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n
            : v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null
            : null;

    /// <summary>A condition fixed when the form is built (a question that only exists with some data).</summary>
    private sealed record Constant(bool Value) : FieldCondition
    {
        public override bool Holds(FormAnswers answers) => Value;
    }

    /// <summary>Shown when any of the chosen values (multi choice) is among <see cref="Values"/>.</summary>
    private sealed record AnyChosen(string Field, IReadOnlySet<string> Values) : FieldCondition
    {
        public override bool Holds(FormAnswers answers) => answers.List(Field).Any(Values.Contains);
    }
}

/// <summary>Returned applications a new one may correct: their ids, and the options (titles in the user's language).</summary>
public sealed record Corrections(IReadOnlyList<string> Values, Func<FieldContext, IReadOnlyList<FieldOption>> Options)
{
    public static Corrections None { get; } = new([], _ => [new FieldOption(ApplicationForm.NewApplication, ApplicationForm.NewApplication, [])]);
}
