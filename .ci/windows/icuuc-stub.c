/* A stand-in for Windows' system icuuc.dll, for the Wine test leg only (.ci/windows/run).

   Qt 6.7 and later import ICU's converter functions from the icuuc.dll that Windows 10
   1903+ ships; Wine 8 has none, so QtCore does not load. Every function here answers
   "no such converter", and Qt then uses its own codecs. It goes into the Wine prefix's
   system32 and never into the frozen app (PyInstaller leaves system DLLs out; the leg
   checks that). The exact set Qt imports is checked by the leg against Qt6Core.dll.

   ICU's types are opaque here: converters and callbacks are pointers, UErrorCode an
   int32_t, UChar a 16-bit unit. */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)
#define U_ZERO_ERROR 0
#define U_FILE_ACCESS_ERROR 4 /* what ICU reports for a converter it cannot find */

typedef int32_t UErrorCode;
typedef uint16_t UChar;

static void fail(UErrorCode *status) {
    if (status != NULL && *status <= U_ZERO_ERROR) {
        *status = U_FILE_ACCESS_ERROR;
    }
}

EXPORT void *ucnv_open(const char *name, UErrorCode *status) {
    (void)name;
    fail(status);
    return NULL;
}

EXPORT void ucnv_close(void *cnv) { (void)cnv; }

EXPORT void ucnv_reset(void *cnv) { (void)cnv; }

EXPORT const char *ucnv_getName(const void *cnv, UErrorCode *status) {
    (void)cnv;
    fail(status);
    return NULL;
}

EXPORT const char *ucnv_getStandardName(const char *name, const char *standard,
                                        UErrorCode *status) {
    (void)name;
    (void)standard;
    fail(status);
    return NULL;
}

EXPORT int32_t ucnv_countAvailable(void) { return 0; }

EXPORT const char *ucnv_getAvailableName(int32_t n) {
    (void)n;
    return NULL;
}

EXPORT int8_t ucnv_getMaxCharSize(const void *cnv) {
    (void)cnv;
    return 1;
}

EXPORT void ucnv_toUnicode(void *cnv, UChar **target, const UChar *target_limit,
                           const char **source, const char *source_limit, int32_t *offsets,
                           int8_t flush, UErrorCode *status) {
    (void)cnv, (void)target, (void)target_limit, (void)source, (void)source_limit;
    (void)offsets, (void)flush;
    fail(status);
}

EXPORT void ucnv_fromUnicode(void *cnv, char **target, const char *target_limit,
                             const UChar **source, const UChar *source_limit, int32_t *offsets,
                             int8_t flush, UErrorCode *status) {
    (void)cnv, (void)target, (void)target_limit, (void)source, (void)source_limit;
    (void)offsets, (void)flush;
    fail(status);
}

EXPORT int32_t ucnv_toUCountPending(const void *cnv, UErrorCode *status) {
    (void)cnv;
    fail(status);
    return 0;
}

EXPORT int32_t ucnv_fromUCountPending(const void *cnv, UErrorCode *status) {
    (void)cnv;
    fail(status);
    return 0;
}

EXPORT void ucnv_setToUCallBack(void *cnv, void *action, const void *context, void **old_action,
                                const void **old_context, UErrorCode *status) {
    (void)cnv, (void)action, (void)context, (void)old_action, (void)old_context;
    fail(status);
}

EXPORT void ucnv_getToUCallBack(const void *cnv, void **action, const void **context) {
    (void)cnv;
    if (action != NULL) *action = NULL;
    if (context != NULL) *context = NULL;
}

EXPORT void ucnv_setFromUCallBack(void *cnv, void *action, const void *context,
                                  void **old_action, const void **old_context,
                                  UErrorCode *status) {
    (void)cnv, (void)action, (void)context, (void)old_action, (void)old_context;
    fail(status);
}

EXPORT void ucnv_getFromUCallBack(const void *cnv, void **action, const void **context) {
    (void)cnv;
    if (action != NULL) *action = NULL;
    if (context != NULL) *context = NULL;
}

EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length,
                                  int32_t offset_index, UErrorCode *status) {
    (void)args, (void)source, (void)length, (void)offset_index;
    fail(status);
}

EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *source_limit,
                                    int32_t offset_index, UErrorCode *status) {
    (void)args, (void)source, (void)source_limit, (void)offset_index;
    fail(status);
}

/* ICU's own substitute callbacks, which Qt passes to ucnv_set*CallBack by address. */
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *units,
                                          int32_t length, int32_t reason, UErrorCode *status) {
    (void)context, (void)args, (void)units, (void)length, (void)reason;
    fail(status);
}

EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const UChar *units,
                                            int32_t length, int32_t code_point, int32_t reason,
                                            UErrorCode *status) {
    (void)context, (void)args, (void)units, (void)length, (void)code_point, (void)reason;
    fail(status);
}
