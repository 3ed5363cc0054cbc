using System;
using System.Globalization;
using System.Text;

namespace EventGovernance.Registry
{
    /// <summary>
    /// Maps subject names to directory names and back, reversibly. Letters, digits, '-', '_' and '.' are
    /// kept; every other character (and a leading '.', so "." and ".." can never be names) is written as
    /// '%' plus two upper-case hex digits per UTF-8 byte, as in URLs. "orders-value" stays as it is;
    /// "com/acme:Order" becomes "com%2Facme%3AOrder". '%' itself is escaped, so decoding is exact.
    /// On case-insensitive file systems two subjects differing only in case share a directory.
    /// </summary>
    public static class SubjectFileNames
    {
        public static string Escape(string subject)
        {
            if (string.IsNullOrEmpty(subject)) throw new ArgumentException("a subject name cannot be empty", nameof(subject));
            var builder = new StringBuilder(subject.Length);
            byte[] bytes = Encoding.UTF8.GetBytes(subject);
            for (int i = 0; i < bytes.Length; i++)
            {
                byte b = bytes[i];
                bool keep = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '_' || (b == '.' && i > 0);
                if (keep) builder.Append((char)b);
                else builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            return builder.ToString();
        }

        /// <summary>The subject a directory name stands for; null when the name is not a valid escaped subject.</summary>
        public static string? Unescape(string fileName)
        {
            var bytes = new System.Collections.Generic.List<byte>(fileName.Length);
            for (int i = 0; i < fileName.Length; i++)
            {
                char c = fileName[i];
                if (c == '%')
                {
                    if (i + 2 >= fileName.Length) return null;
                    if (!byte.TryParse(fileName.Substring(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte b)) return null;
                    bytes.Add(b);
                    i += 2;
                }
                else if (c < 128)
                {
                    bytes.Add((byte)c);
                }
                else
                {
                    return null;
                }
            }
            string subject = Encoding.UTF8.GetString(bytes.ToArray());
            return Escape(subject) == fileName ? subject : null;
        }
    }
}
