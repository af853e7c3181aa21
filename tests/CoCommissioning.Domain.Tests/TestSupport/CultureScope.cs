using System.Globalization;

namespace CoCommissioning.Domain.Tests.TestSupport;

/// <summary>Runs a block under a given current culture and puts the previous one back.</summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo previous;
    private readonly CultureInfo previousUi;

    public CultureScope(string name)
    {
        previous = CultureInfo.CurrentCulture;
        previousUi = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = previous;
        CultureInfo.CurrentUICulture = previousUi;
    }
}
