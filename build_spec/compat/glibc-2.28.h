/* Forced into every C file of the compat build's SQLite and CPython (gcc -include, see
 * build_spec/build_deb_compat.sh), which are compiled against Debian 11's glibc 2.31.
 *
 * glibc 2.29 dropped the old SVID error-handling wrappers (matherr) of exp, log, pow, exp2 and log2
 * and exported the wrapper-less functions under a new symbol version, GLIBC_2.29. A program linked
 * against glibc >= 2.29 asks for those and will not start on glibc 2.28 (统信UOS 20). The old
 * versions stay in every later glibc and compute with the same code (only the wrapper differs, and
 * it sets errno the same way without matherr), so the references are bound to them instead.
 * build_deb.sh then checks the finished bundle: no ELF file may ask for more than PLANDESK_GLIBC_MAX.
 */
#if defined(__x86_64__) && !defined(__ASSEMBLER__)
__asm__(".symver exp,exp@GLIBC_2.2.5");
__asm__(".symver log,log@GLIBC_2.2.5");
__asm__(".symver pow,pow@GLIBC_2.2.5");
__asm__(".symver exp2,exp2@GLIBC_2.2.5");
__asm__(".symver log2,log2@GLIBC_2.2.5");
#endif
