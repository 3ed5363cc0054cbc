using System;
using System.Collections.Generic;

namespace EventGovernance.Build
{
    /// <summary>
    /// Removes credentials from text before it is logged. The registry library already keeps them out of
    /// its messages; this guards the messages of exceptions it does not control (HTTP stacks quote URLs).
    /// </summary>
    public sealed class Redactor
    {
        private const string Mask = "***";
        private readonly List<string> _secrets = new List<string>();

        public Redactor(params string?[] credentials)
        {
            foreach (string? credential in credentials)
            {
                if (string.IsNullOrEmpty(credential)) continue;
                _secrets.Add(credential!);
                // "user:password": the password alone is a secret too (a URL may carry it as user:password@host).
                int colon = credential!.IndexOf(':');
                if (colon >= 0 && colon < credential.Length - 1) _secrets.Add(credential.Substring(colon + 1));
            }
            // Longest first so a secret containing another is masked whole.
            _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        }

        public string Redact(string text)
        {
            foreach (string secret in _secrets)
                text = text.Replace(secret, Mask);
            return RedactUserInfo(text);
        }

        /// <summary>Masks the user-info part of any URL in the text (<c>https://user:pw@host</c>).</summary>
        private static string RedactUserInfo(string text)
        {
            int searchFrom = 0;
            while (true)
            {
                int scheme = text.IndexOf("://", searchFrom, StringComparison.Ordinal);
                if (scheme < 0) return text;
                int start = scheme + 3;
                int end = start;
                while (end < text.Length && text[end] != '/' && text[end] != '@' && !char.IsWhiteSpace(text[end])) end++;
                if (end < text.Length && text[end] == '@')
                {
                    text = text.Substring(0, start) + Mask + text.Substring(end);
                    searchFrom = start + Mask.Length + 1;
                }
                else
                {
                    searchFrom = start;
                }
            }
        }
    }
}
