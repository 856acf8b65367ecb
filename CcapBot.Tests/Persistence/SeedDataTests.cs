using System.Text.RegularExpressions;
using CcapBot.Domain;
using CcapBot.Persistence.Seed;
using CcapBot.Tests.Deployment;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CcapBot.Tests.Persistence;

public sealed partial class SeedDataTests : IAsyncLifetime
{
    private readonly CcapBotFactory _bot = new();

    public ValueTask InitializeAsync()
    {
        _ = _bot.Services; // starts the host: the database is migrated at start-up
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task FiveReviewedTemplates_EachWith4To8Activities_InBothLanguages()
    {
        var templates = await _bot.QueryAsync(db => db.ActionListTemplates.Include(t => t.Activities).ToListAsync());

        Assert.Equal(5, templates.Count);
        Assert.All(templates, t =>
        {
            Assert.True(t.Reviewed);
            Assert.InRange(t.Activities.Count, ActionListRules.MinActivities, ActionListRules.MaxActivities);
            Assert.False(string.IsNullOrWhiteSpace(t.TitleVi));
            Assert.NotEqual(t.TitleEn, t.TitleVi);
            Assert.All(t.Activities, a =>
            {
                Assert.False(string.IsNullOrWhiteSpace(a.TitleEn));
                Assert.False(string.IsNullOrWhiteSpace(a.TitleVi));
                Assert.NotEqual(a.TitleEn, a.TitleVi);
                Assert.False(string.IsNullOrWhiteSpace(a.DescriptionVi));
            });
        });
        Assert.Equal(
            ["commercial-cooking", "bike-sharing", "port-operations", "emissions-inventory", "low-emission-development"],
            templates.OrderBy(t => t.Id).Select(t => t.CategoryCode));
    }

    [Fact]
    public async Task Categories_IncludeOther_AndAreEditableData()
    {
        await using (var scope = _bot.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CcapBot.Persistence.CcapDbContext>();
            var bikes = await db.ActionCategories.SingleAsync(c => c.Code == "bike-sharing", TestContext.Current.CancellationToken);
            bikes.NameEn = "Public bike-sharing systems";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var categories = await _bot.QueryAsync(db => db.ActionCategories.OrderBy(c => c.SortOrder).ToListAsync());
        Assert.Equal(6, categories.Count);
        Assert.Equal(ActionCategory.Other, categories[^1].Code);
        Assert.Equal("Public bike-sharing systems", categories.Single(c => c.Code == "bike-sharing").NameEn);
    }

    /// <summary>
    /// The SQL Server side, without a SQL Server: the production script (deployment/sql/ccapbot.sql, generated from the
    /// SQL Server migrations) inserts the five reviewed templates and their 4–8 activities in both languages, as seeded.
    /// </summary>
    [Fact]
    public async Task ProductionScript_SeedsTheFiveTemplates_EachWith4To8ActivitiesInBothLanguages()
    {
        var script = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "deployment", "sql", "ccapbot.sql"), TestContext.Current.CancellationToken);
        var templates = Rows(script, "ActionListTemplates").Select(r => TemplateRow().Match(r)).Where(m => m.Success)
            .Select(m => (Id: int.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), Code: m.Groups["code"].Value, En: m.Groups["en"].Value, Vi: m.Groups["vi"].Value)).ToList();
        var activities = Rows(script, "TemplateActivities").Select(r => ActivityRow().Match(r)).Where(m => m.Success)
            .Select(m => (Template: int.Parse(m.Groups["template"].Value, System.Globalization.CultureInfo.InvariantCulture), En: m.Groups["en"].Value, Vi: m.Groups["vi"].Value)).ToList();
        var seed = ActionListSeed.Load();

        Assert.Equal(["commercial-cooking", "bike-sharing", "port-operations", "emissions-inventory", "low-emission-development"], templates.OrderBy(t => t.Id).Select(t => t.Code));
        Assert.All(templates, t => Assert.NotEqual(t.En, t.Vi));
        Assert.Equal(seed.Activities.Length, activities.Count);
        Assert.All(templates, t =>
        {
            var own = activities.Where(a => a.Template == t.Id).ToList();
            Assert.InRange(own.Count, ActionListRules.MinActivities, ActionListRules.MaxActivities);
            Assert.All(own, a => Assert.True(a.En.Length > 0 && a.Vi.Length > 0 && a.En != a.Vi, $"{a.En} / {a.Vi}"));
        });
        Assert.Contains(activities, a => a.Vi == "Kiểm kê phát thải cảng theo lĩnh vực");
    }

    /// <summary>The value rows of the script's INSERT into <paramref name="table"/> (one row per line).</summary>
    private static IEnumerable<string> Rows(string script, string table)
    {
        var start = script.IndexOf($"EXEC(N'INSERT INTO [{table}]", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The script has no seed INSERT into {table}.");
        var end = script.IndexOf("');", start, StringComparison.Ordinal);
        return script[start..end].Split('\n').Skip(1);
    }

    [GeneratedRegex(@"\((?<id>\d+), N''(?<code>[a-z-]+)'', CAST\(1 AS bit\), N''(?<en>.+?)'', N''(?<vi>.+?)''\)")]
    private static partial Regex TemplateRow();

    [GeneratedRegex(@", \d+, (?<template>\d+), N''(?<en>.+?)'', N''(?<vi>.+?)''\)")]
    private static partial Regex ActivityRow();
}
